#!/usr/bin/env bash
# The test command: every module's unit tests and ITs (Spark in local mode; PostgreSQL embedded in the test JVMs, or
# the server named by C360_TEST_DB_URL), the end-to-end tests, the state machine checked by two engines we did not write
# (asl-validator, aws-local-stepfunctions; npm, pinned in statemachine/engines), then the CDK app synthesized offline by
# the pinned CDK CLI from the jars this checkout builds. Needs Java 17, Maven and Node 20+; installs nothing outside
# the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --prefix statemachine/engines --no-audit --no-fund
mvn -B -ntp verify
cdk/synth.sh
