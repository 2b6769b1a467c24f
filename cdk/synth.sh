#!/usr/bin/env bash
# Synthesizes the c360 CDK app offline into cdk/cdk.out (one CloudFormation template per stack, plus assets).
# cdk-nag AwsSolutions runs as part of synth: an unsuppressed finding fails it. The app (cdk/app.sh) builds the jars it
# deploys from this checkout; Node 20+ runs the pinned CLI. Extra arguments go to `cdk synth`,
# e.g. ./synth.sh -c envName=prod -c deletionProtection=true
set -euo pipefail
cd "$(dirname "$0")"

pinned="$(node -p "require('./package.json').devDependencies['aws-cdk']")"
if [[ ! -x node_modules/.bin/cdk ]] || [[ "$(node_modules/.bin/cdk --version 2>/dev/null | cut -d' ' -f1)" != "$pinned" ]]; then
  npm ci --no-audit --no-fund
fi

export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_DISABLE_CLI_TELEMETRY=true
export AWS_EC2_METADATA_DISABLED=true
exec node_modules/.bin/cdk synth --no-notices --quiet "$@"
