#!/usr/bin/env bash
# Benchmarks (not part of the tests). Results go to bench/results/.
#   scripts/bench.sh            event store benchmark (~10k and ~500k stored events) + exchange latency
#                               + supervision view rebuild (25k tickets, 215k events; and 2k tickets,
#                               where the default processor finishes and the documents are compared)
#   scripts/bench.sh --quick    a short smoke run of both (small stores, short runs)
set -euo pipefail
cd "$(dirname "$0")/.."
small=10000; large=500000; seconds=20; rate=20; exchange_seconds=30; out=bench/results
rebuild_tickets=25000; rebuild_seconds=30; small_rebuild_tickets=2000; small_rebuild_seconds=40
if [[ "${1:-}" == "--quick" ]]; then
  small=2000; large=8000; seconds=5; exchange_seconds=10; rebuild_tickets=2000; rebuild_seconds=10
  small_rebuild_tickets=500; small_rebuild_seconds=20; out=bench/target/quick
fi
./mvnw -q -B install -DskipTests -pl hub,bench -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt" >/dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
quiet=(-Daxoniq.update-checker.disabled=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
java -Xmx6g "${quiet[@]}" -cp "$cp" cn.linkage.bench.eventstore.EventStoreBenchmark \
  "$out/event-store.md" "$small" "$large" "$seconds"
jar=$(ls hub/target/hub-*.jar | grep -v original | head -n 1)
java "${quiet[@]}" -cp "$cp" cn.linkage.bench.exchange.ExchangeLatencyBenchmark \
  "$jar" "$out/exchange-latency.md" "$rate" "$exchange_seconds"
java -Xmx6g "${quiet[@]}" -cp "$cp" cn.linkage.bench.rebuild.RebuildBenchmark \
  "$out/view-rebuild.md" "$rebuild_tickets" "$rebuild_seconds"
# A store small enough for the default processor to finish, so the rebuilt documents can be compared.
java -Xmx6g "${quiet[@]}" -cp "$cp" cn.linkage.bench.rebuild.RebuildBenchmark \
  "$out/view-rebuild-small.md" "$small_rebuild_tickets" "$small_rebuild_seconds"
