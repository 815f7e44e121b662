#!/usr/bin/env bash
# Benchmark of issue 6 (prints figures, never passes or fails on them):
#  1. workbench cold start to first window: the built workbench product started `runs` times, each a fresh JVM with
#     a fresh configuration area; the workbench prints the milliseconds from JVM start to its first window
#     (APP_STARTUP_COMPLETE) and closes itself (-Darcnode.bench.quit=true); the wall time of the whole launch too;
#  2. offline EDP generation for 560 GPUs as "Generate EDP" runs it (WorkbenchEdpBench.java over the product's
#     bundles): first run in a fresh JVM, then warm runs.
# Needs a display: uses $DISPLAY, else starts Xvfb :97 (the package xvfb, which .ci/run installs).
# Run after `./mvnw -B -DskipTests package`.  Usage: releng/bench/workbench.sh [runs=5]
set -euo pipefail
runs=${1:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
w=$repo/products/io.arcnode.products/target/products/io.arcnode.workbench.product/linux/gtk/x86_64/arcnode-workbench
[ -d "$w" ] || { echo "workbench.sh: build the products first (./mvnw -B -DskipTests package)" >&2; exit 2; }
now_ms() { date +%s%3N; }
xvfb=
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :97 -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:97
  sleep 1
fi
out=$(mktemp -d)
trap '[ -n "$xvfb" ] && kill $xvfb; rm -rf "$out"' EXIT

first=(); wall=()
for i in $(seq 1 "$runs"); do
  start=$(now_ms)
  timeout 120 java -Darcnode.bench.quit=true -Darcnode.workspace="$out/orders" -Dosgi.install.area="$w" \
    -Dosgi.configuration.area="$out/config-$i" -jar "$w"/plugins/org.eclipse.equinox.launcher_*.jar \
    -data "$out/data-$i" >"$out/run-$i.log" 2>&1 || true
  wall+=($(( $(now_ms) - start )))
  ms=$(sed -n 's/^arcnode-workbench: first window after ms \([0-9]*\)$/\1/p' "$out/run-$i.log" | head -n 1)
  [ -n "$ms" ] || { echo "run $i: no first window"; cat "$out/run-$i.log"; exit 1; }
  first+=("$ms")
done
stats() { local s=($(printf '%s\n' "$@" | sort -n)); echo "min ${s[0]} ms, median ${s[$(( ${#s[@]} / 2 ))]} ms, max ${s[$(( ${#s[@]} - 1 ))]} ms"; }
echo "workbench cold start, $runs runs, $(nproc) cores:"
echo "  JVM start to first window:       $(stats "${first[@]}")   (goal: under 3 s)"
echo "  launch to exit (java start, window, close): $(stats "${wall[@]}")"
echo
java ${JAVA_OPTS:--Xmx1g} -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -cp "$w/plugins/*" \
  "$repo/releng/bench/WorkbenchEdpBench.java" "$out/edp" 560 5
echo "  (goal: under 2 s)"
