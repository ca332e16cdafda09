#!/usr/bin/env bash
# Recomputes the event store's hash chains and checkpoints; prints every broken link.
# Exit status: 0 intact, 2 broken. Same storage settings as the hub (LINKAGE_MONGO_URI, LINKAGE_DATA_DIR);
# stop an embedded hub first (its H2 file admits one process). One ticket: --ticket=<ticket id>.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls hub/target/hub-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[[ -n "$jar" ]] || ./mvnw -q -B install -DskipTests -pl hub -am
jar=$(ls hub/target/hub-*.jar | grep -v original | head -n 1)
exec java -Daxoniq.update-checker.disabled=true -jar "$jar" --linkage.mode=verify --logging.level.root=WARN "$@"
