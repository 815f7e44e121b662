#!/usr/bin/env bash
# Benchmark: time from `bin/arcnode <product>` to GET /health/ready == 200, and the size of each built product.
# Run after `./mvnw -B -DskipTests package`.  Usage: releng/bench/startup.sh [runs=5]
# Prints figures only; it never passes or fails on them.
set -euo pipefail
runs=${1:-5}
repo=$(cd "$(dirname "$0")/../.." && pwd)
products=$repo/products/io.arcnode.products/target/products

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

printf '%-10s %10s %10s %8s\n' product "dir" "tar.gz" plugins
for p in gateway platform workbench; do
  dir=$products/io.arcnode.$p/linux/gtk/x86_64/arcnode-$p
  [ $p = workbench ] && dir=$products/io.arcnode.workbench.product/linux/gtk/x86_64/arcnode-workbench
  [ -d "$dir" ] || continue
  tgz=$(ls "$products"/arcnode-$p-*.tar.gz 2>/dev/null | head -n 1)
  printf '%-10s %10s %10s %8s\n' "$p" "$(du -sh "$dir" | cut -f1)" "$( [ -n "$tgz" ] && du -sh "$tgz" | cut -f1 || echo -)" \
    "$(ls "$dir/plugins" | wc -l)"
done
echo
for p in gateway platform; do
  dir=$products/io.arcnode.$p/linux/gtk/x86_64/arcnode-$p
  [ -d "$dir" ] || { echo "$p: not built"; continue; }
  times=()
  for i in $(seq 1 "$runs"); do
    data=$(mktemp -d); port=$(free_port)
    start=$(now_ms)
    "$dir/bin/arcnode" "$p" --env demo --data "$data" --port "$port" >"$data/console.log" 2>&1 &
    pid=$!
    deadline=$(( start + 120000 ))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
      [ "$(now_ms)" -lt "$deadline" ] || { echo "$p: not ready within 120 s"; cat "$data/console.log"; kill $pid; exit 1; }
      kill -0 $pid 2>/dev/null || { echo "$p exited early"; cat "$data/console.log"; exit 1; }
      sleep 0.02
    done
    times+=($(( $(now_ms) - start )))
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$data"
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$p: start to /health/ready 200 over $runs runs: min ${sorted[0]} ms, median ${sorted[$(( runs / 2 ))]} ms, max ${sorted[$(( runs - 1 ))]} ms"
done
