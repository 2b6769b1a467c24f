#!/usr/bin/env bash
# The CDK app as cdk.json runs it. It first packages the jars it deploys from this checkout through the Maven reactor,
# never from the local Maven repository, so neither a fresh machine nor a stale install can make a synth or a deploy
# ship the wrong code; then it runs the Java app.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p target
log=target/cdk-app-build.log
# Maven's output goes to a log, shown on failure: the CLI passes the app's output through to the user.
if ! mvn -B -q -f ../pom.xml package -DskipTests -pl glue-jobs,lambdas,cdk -am >"$log" 2>&1; then
  sed -e 's/\x1b\[[0-9;]*m//g' "$log" >&2
  exit 1
fi
exec java -cp "target/classes:$(cat target/cdk-app.classpath)" com.c360.cdk.C360App
