#!/usr/bin/env bash
# Mutation testing with PIT (issue 16 item 7): the ticket aggregate and its policies, the event store with its
# hash chain, and the exchange cursor codec. Not part of ./scripts/test.sh: it runs for several minutes on
# two cores. Each part's HTML/XML/CSV report is copied to target/mutation/<part>/ and a Markdown summary of all
# parts (score per part and every mutant not killed) to target/mutation/summary.md.
#   PIT_THREADS  PIT worker threads (default 1: the machine is shared)
#   ./scripts/mutation.sh [part...]   parts: ticket eventstore cursors (default), hashchain (a subset of
#                                     eventstore: the hash chain, its verifier and checkpoints, quicker)
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${PIT_THREADS:-1}"
out=target/mutation
parts=("$@")
((${#parts[@]})) || parts=(ticket eventstore cursors)

run() { # part module targetClasses targetTests [excludedTestClasses]
  local part=$1 module=$2 classes=$3 tests=$4 excluded=${5:-}
  echo "mutation.sh: $part ($classes)" >&2
  ./mvnw -B -ntp -q -Pmutation -pl "$module" -am test-compile org.pitest:pitest-maven:mutationCoverage \
    -Dthreads="$threads" -DtargetClasses="$classes" -DtargetTests="$tests" \
    ${excluded:+-DexcludedTestClasses="$excluded"} >"$out/$part.log" 2>&1 \
    || { echo "mutation.sh: PIT failed for $part, see $out/$part.log" >&2; return 1; }
  rm -rf "${out:?}/$part" && cp -r "$module/target/pit-reports" "$out/$part"
}

mkdir -p "$out"
for part in "${parts[@]}"; do
  case "$part" in
    ticket) run ticket command-side 'cn.linkage.command.ticket.*' 'cn.linkage.command.ticket.*' ;;
    # The H2 and concurrency variants repeat the in-memory contract under load (random interleavings make a
    # mutant's outcome depend on the scheduler); the capabilities test measures timings.
    eventstore) run eventstore command-side 'cn.linkage.command.eventstore.*' 'cn.linkage.command.eventstore.*' \
                  '*OnH2*,*ConcurrencyTest,*MongoJavaServerCapabilitiesTest' ;;
    hashchain) run hashchain command-side \
                 'cn.linkage.command.eventstore.EventHashChain*,cn.linkage.command.eventstore.Chain*' \
                 'cn.linkage.command.eventstore.*' '*OnH2*,*ConcurrencyTest,*MongoJavaServerCapabilitiesTest' ;;
    cursors) run cursors hub 'cn.linkage.hub.exchange.Cursors' 'cn.linkage.hub.exchange.CursorsTest' ;;
    *) echo "mutation.sh: unknown part $part (ticket, eventstore, hashchain, cursors)" >&2; exit 2 ;;
  esac
done

{
  echo "| part | mutants | killed | survived | no coverage | timed out | score |"
  echo "|---|---|---|---|---|---|---|"
  for part in "${parts[@]}"; do
    awk -F, -v part="$part" '{n++; s[$6]++} END {
      k = s["KILLED"] + s["TIMED_OUT"] + s["MEMORY_ERROR"];
      printf "| %s | %d | %d | %d | %d | %d | %.0f%% |\n", part, n, s["KILLED"], s["SURVIVED"], s["NO_COVERAGE"],
             s["TIMED_OUT"], n ? 100 * k / n : 0 }' "$out/$part/mutations.csv"
  done
  echo
  echo "Mutants not killed (file:line method mutator status):"
  echo
  for part in "${parts[@]}"; do
    awk -F, '$6 == "SURVIVED" || $6 == "NO_COVERAGE" {
      sub(/.*mutators\./, "", $3); printf "- %s:%s %s %s %s\n", $1, $5, $4, $3, $6 }' "$out/$part/mutations.csv" | sort -t: -k1,1 -k2,2n
  done
} | tee "$out/summary.md"
