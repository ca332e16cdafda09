#!/usr/bin/env bash
# Benchmarks (not part of the tests). Results go to bench/results/.
#   scripts/bench.sh            event store benchmark (~10k and ~500k stored events) + exchange latency
#                               + supervision view rebuild (25k tickets, 215k events; and 2k tickets,
#                               where the default processor finishes and the documents are compared)
#                               + end to end: the hub's jar as its own process driven over gRPC by this
#                               machine's other process (lifecycle mix, reads, live subscribers), at an
#                               empty store and after 60,000 tickets
#   scripts/bench.sh --quick    a short smoke run of all (small stores, short runs)
#   scripts/bench.sh --e2e      only the end-to-end benchmark
# JFR=/path/file.jfr records a profile of the hub during the end-to-end benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
small=10000; large=500000; seconds=20; rate=20; exchange_seconds=30; out=bench/results
rebuild_tickets=25000; rebuild_seconds=30; small_rebuild_tickets=2000; small_rebuild_seconds=40
e2e_seconds=60; e2e_threads=16; e2e_rate=500; e2e_prefills=0,60000; only_e2e=false
if [[ "${1:-}" == "--quick" ]]; then
  small=2000; large=8000; seconds=5; exchange_seconds=10; rebuild_tickets=2000; rebuild_seconds=10
  small_rebuild_tickets=500; small_rebuild_seconds=20; out=bench/target/quick
  e2e_seconds=15; e2e_threads=8; e2e_rate=100; e2e_prefills=0
fi
[[ "${1:-}" == "--e2e" ]] && only_e2e=true
./mvnw -q -B install -DskipTests -pl hub,bench -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt" >/dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
quiet=(-Daxoniq.update-checker.disabled=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
jar=$(ls hub/target/hub-*.jar | grep -v original | head -n 1)
jfr=(); [[ -n "${JFR:-}" ]] && jfr=(-Djfr="$JFR")
java "${quiet[@]}" "${jfr[@]}" -cp "$cp" cn.linkage.bench.e2e.EndToEndBenchmark \
  "$jar" "$out/end-to-end.md" "$e2e_seconds" "$e2e_threads" "$e2e_rate" "$e2e_prefills"
$only_e2e && exit 0
java -Xmx6g "${quiet[@]}" -cp "$cp" cn.linkage.bench.eventstore.EventStoreBenchmark \
  "$out/event-store.md" "$small" "$large" "$seconds"
java "${quiet[@]}" -cp "$cp" cn.linkage.bench.exchange.ExchangeLatencyBenchmark \
  "$jar" "$out/exchange-latency.md" "$rate" "$exchange_seconds"
java -Xmx6g "${quiet[@]}" -cp "$cp" cn.linkage.bench.rebuild.RebuildBenchmark \
  "$out/view-rebuild.md" "$rebuild_tickets" "$rebuild_seconds"
# A store small enough for the default processor to finish, so the rebuilt documents can be compared.
java -Xmx6g "${quiet[@]}" -cp "$cp" cn.linkage.bench.rebuild.RebuildBenchmark \
  "$out/view-rebuild-small.md" "$small_rebuild_tickets" "$small_rebuild_seconds"
