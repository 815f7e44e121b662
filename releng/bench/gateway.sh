#!/usr/bin/env bash
# Benchmark: the gateway data plane, Modbus TCP -> telemetry.raw, on the built gateway product (bin/arcnode with its
# embedded broker). Simulated devices of 1000 points each (non-contiguous maps: float32, uint16 blocks, uint64
# counters, coils, discrete inputs) on loopback, 10k / 50k / 100k points from one DTM polled at the Modbus default
# of 1 s, and 10k points of gateway-configured adapters (gateway.adapters_file) at 100 ms, stage local; per
# case over a fixed window: points/s appended to telemetry.raw, Modbus requests per poll cycle vs the read planner's
# minimum, gateway JVM CPU (cores) and RSS, poll-to-broker latency p50/p99; then the raw kafka-clients producer
# (same settings, the same captured records) on the same broker, and the ratio. Method: releng/bench/README.md.
# Run after `./mvnw -B -DskipTests package`. Prints figures only; it never passes or fails on them.
#   releng/bench/gateway.sh [cases=10,50,100 (devices)] [window_s=20] [warmup_s=10] [producer_s=15]
#   JAVA_OPTS: the driver JVM (default -Xmx1g); GATEWAY_JAVA_OPTS: the gateway JVM (default: none, as shipped)
#   GATEWAY_JFR=DIR: a JFR profile (settings=profile) of the gateway JVM over each window, written to DIR/<case>.jfr
set -euo pipefail
cases=${1:-10,50,100}
window=${2:-20}
warmup=${3:-10}
producer=${4:-15}
repo=$(cd "$(dirname "$0")/../.." && pwd)
product=$repo/products/io.arcnode.products/target/products/io.arcnode.gateway/linux/gtk/x86_64/arcnode-gateway
[ -d "$product/plugins" ] || { echo "gateway.sh: build the gateway product first (./mvnw -B -DskipTests package)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$out"
# 10k @ 100 ms needs gateway-configured adapters (gateway.adapters_file, per-adapter poll_interval_ms)
if grep -q 'adapters_file' "$product/cfg.defaults.yml"; then fast_note=fast
else fast_note="not measured: no way to set a 100 ms poll interval yet"; fi
# single-file source program compiled against the product's bundles (the Modbus simulator, the DTM parser, the
# Avro codec, kafka-clients); SLF4J silenced
exec_java=(java ${JAVA_OPTS:--Xmx1g} -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dslf4j.internal.verbosity=WARN -cp "$product/plugins/*")
"${exec_java[@]}" "$repo/releng/bench/GatewayBench.java" "$product" "$out" "$cases" "$warmup" "$window" "$producer" \
  "$(getconf CLK_TCK)" "$fast_note"
