#!/usr/bin/env bash
# Builds the hub (first run only, or when sources changed) and starts it. With no LINKAGE_MONGO_URI
# it runs on the embedded store under ./data; it prints the gRPC address it listens on.
# --simulate also starts a simulated 12345 desk and 110 desk that exchange tickets through the hub.
# Other arguments go to the hub, e.g. --linkage.grpc.port=9191.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls hub/target/hub-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [[ -z "$jar" || -n "$(find api-proto core-api command-side query-side connectors embedded-store hub -newer "$jar" -type f \( -name '*.java' -o -name '*.proto' -o -name '*.yml' -o -name '*.yaml' -o -name 'pom.xml' \) -print -quit)" ]]; then
  echo "Building the hub (once; takes a minute or two on a fresh machine)…"
  ./mvnw -q -B install -DskipTests -pl hub -am
  jar=$(ls hub/target/hub-*.jar | grep -v original | head -n 1)
fi
args=()
for arg in "$@"; do
  if [[ "$arg" == "--simulate" ]]; then args+=("--linkage.simulate=true"); else args+=("$arg"); fi
done
# Start-up: the jar extracted with a class-data-sharing archive made by one training start per build
# starts 2-3x faster (docs/decisions/0007); without the archive it runs the jar as it is.
run_dir=hub/target/run
jsa="$run_dir/hub.jsa"
if [[ ! -f "$jsa" || "$jar" -nt "$jsa" ]]; then
  rm -rf "$run_dir"
  if java -Djarmode=tools -jar "$jar" extract --destination "$run_dir" >/dev/null 2>&1; then
    echo "Preparing a class-data archive for faster starts (once per build, ~10 s)…"
    training_dir=$(mktemp -d)
    java -Daxoniq.update-checker.disabled=true -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dspring.context.exit=onRefresh -jar "$run_dir/$(basename "$jar")" --linkage.embedded.data-dir="$training_dir" \
      --linkage.grpc.port=0 --linkage.http.port=0 >/dev/null 2>&1 || rm -f "$jsa"
    rm -rf "$training_dir"
  fi
fi
if [[ -f "$jsa" ]]; then
  exec java -Daxoniq.update-checker.disabled=true -XX:SharedArchiveFile="$jsa" -Xlog:cds=off ${JAVA_OPTS:-} \
    -jar "$run_dir/$(basename "$jar")" "${args[@]}"
fi
exec java -Daxoniq.update-checker.disabled=true ${JAVA_OPTS:-} -jar "$jar" "${args[@]}"
