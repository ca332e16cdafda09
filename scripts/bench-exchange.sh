#!/usr/bin/env bash
# Exchange latency benchmark: transfer → delivery on the target's stream vs a unary round trip.
# Starts the hub jar as its own process on a temporary embedded store. Not part of the tests.
# Usage: scripts/bench-exchange.sh [transfers per second, default 20] [seconds, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl hub,bench -am
jar=$(ls hub/target/hub-*.jar | grep -v original | head -n 1)
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt" >/dev/null
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.linkage.bench.exchange.ExchangeLatencyBenchmark \
  "$jar" bench/results/exchange-latency.md "${1:-20}" "${2:-30}"
