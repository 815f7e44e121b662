#!/usr/bin/env bash
# Benchmark of issue 5: the gateway's processing chain, raw -> validator -> telemetry.clean -> aggregator (1 s, 1 min,
# 1 h) and the JDBC sink into a real PostgreSQL, broker included, in one JVM as in the gateway
# (io.arcnode.sink.jdbc.internal.PipelineBench in releng/io.arcnode.sink.itest). Per rate: readings published/s,
# rows committed/s, aggregate windows out, sink lag at the end of the window, gateway_time -> row committed
# latency p50/p99, CPU (cores) and RSS of the JVM and of PostgreSQL, the validator's lag on telemetry.raw and the
# DLQ records of the window; then the JVM's CPU split by stage (adapter = the generator, stream = the local stream's
# producer, validator, aggregator, sink, broker+jvm = the rest). Prints figures only; never passes or fails.
#   releng/bench/pipeline.sh [rates=10000,50000,100000] [warmup_s=10] [window_s=30]
#   JAVA_OPTS: the benchmark JVM (default -Xmx2g); -Dbench.db=h2 writes to an H2 file in the JVM instead (the
#   local/demo default), -Dbench.max_poll_records=N the stages' max.poll.records (default 5000, as the gateway)
set -euo pipefail
rates=${1:-10000,50000,100000}
warmup=${2:-10}
window=${3:-30}
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# builds what the module needs (tests compiled, not run) and writes its test classpath
./mvnw -B -q -DskipTests -pl releng/io.arcnode.sink.itest -am verify dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
m=releng/io.arcnode.sink.itest
exec java ${JAVA_OPTS:--Xmx2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$m/target/test-classes:$(cat $m/target/bench.classpath)" io.arcnode.sink.jdbc.internal.PipelineBench \
  "$rates" "$warmup" "$window" "$(getconf CLK_TCK)"
