#!/usr/bin/env bash
# Rebuilds a supervision view from the event store, as the RebuildView rpc does, and exits.
#   scripts/rebuild-view.sh board        (or scorecards, transfer_flows, hotspots, consultation, all)
# Same storage settings as the hub (LINKAGE_MONGO_URI, LINKAGE_DATA_DIR). On the embedded store stop the
# hub first (its H2 file admits one process); on MongoDB a serving hub may keep running.
set -euo pipefail
cd "$(dirname "$0")/.."
view="${1:?usage: scripts/rebuild-view.sh <view|all>}"; shift
jar=$(ls hub/target/hub-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
[[ -n "$jar" ]] || ./mvnw -q -B install -DskipTests -pl hub -am
jar=$(ls hub/target/hub-*.jar | grep -v original | head -n 1)
exec java -Daxoniq.update-checker.disabled=true -jar "$jar" --linkage.mode=rebuild --view="$view" \
  --logging.level.root=WARN "$@"
