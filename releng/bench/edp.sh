#!/usr/bin/env bash
# Benchmark: EDP package generation for 56, 560, 5,600 and 56,000 GPUs (dc_external_pcs with grid container, the
# profile with the most artifacts): wall time per package and per artifact kind, artifact sizes, peak heap.
# Run after `./mvnw -B -DskipTests package`. Prints figures only; it never passes or fails on them.
#   releng/bench/edp.sh            (JAVA_OPTS passes through, default -Xmx1g)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
plugins=$repo/products/io.arcnode.products/target/products/io.arcnode.platform/linux/gtk/x86_64/arcnode-platform/plugins
[ -d "$plugins" ] || { echo "edp.sh: build the platform product first (./mvnw -B -DskipTests package)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$out"
# single-file source program compiled against the product's bundles; SLF4J silenced
exec_java=(java ${JAVA_OPTS:--Xmx1g} -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN -cp "$plugins/*")
"${exec_java[@]}" "$repo/releng/bench/EdpBench.java" "$out/packages"
