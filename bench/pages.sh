#!/usr/bin/env bash
# Storefront throughput and latency: home, category and product pages at
# several concurrency levels, next to a static file served by the same
# binary (the ceiling). Starts its own release server on a fresh demo shop.
#
#   bench/pages.sh                 # 10 s per cell, 10/100/1000 connections
#   DURATION=30 CONNECTIONS="50 500" bench/pages.sh
#
# Needs: wrk (Debian), a release build (scripts/serve or `cargo leptos build --release`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-10 100 1000}"
PORT="${PORT:-3900}"
BIN="${BIN:-target/release/mercato}"

command -v wrk >/dev/null || { echo "installing wrk"; sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }; sudo_ apt-get install -y -qq wrk; }
[ -x "$BIN" ] || { echo "no $BIN: build it with scripts/serve or cargo leptos build --release" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
MERCATO_DATA_DIR="$DATA" MERCATO_LOG=warn LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site \
  "$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$DATA/server.log"; exit 1; }

BASE="http://127.0.0.1:$PORT"
PRODUCT=$(curl -fs "$BASE/category/women-t-shirts" | grep -o 'href="/product/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
declare -a NAMES=("static file (ceiling)" "home" "category" "product")
declare -a PATHS=("/favicon.svg" "/" "/category/women?sort=price_asc&page=2" "$PRODUCT")

printf '\nMercato storefront benchmark — %s, %s cores, %s s per cell, Accept-Encoding: gzip, br\n\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc)" "$DURATION"
printf '| %-22s | %5s | %10s | %8s | %8s | %8s | %6s |\n' page conns "req/s" "p50 ms" "p95 ms" "p99 ms" errors
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------" "-------" "------------" "----------" "----------" "----------" "--------"
# After a run at high concurrency the server still works off requests whose
# clients have gone; wait until a database round trip (/readyz, which
# queues behind them for a pool connection) is prompt again.
drain() {
  for _ in $(seq 1 120); do
    t=$(curl -s -o /dev/null -w "%{time_total}" "$BASE/readyz" || echo 9)
    awk -v t="$t" 'BEGIN{exit !(t < 0.02)}' && return 0
    sleep 0.5
  done
}

for i in "${!PATHS[@]}"; do
  for c in $CONNECTIONS; do
    drain
    threads=2; [ "$c" -lt 2 ] && threads=1
    line=$(wrk -t"$threads" -c"$c" -d"${DURATION}s" --timeout 10s -H 'Accept-Encoding: gzip, br' \
      -s bench/report.lua "$BASE${PATHS[$i]}" | grep '^RESULT')
    get() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    printf '| %-22s | %5s | %10s | %8s | %8s | %8s | %6s |\n' "${NAMES[$i]}" "$c" "$(get rps)" "$(get p50)" "$(get p95)" "$(get p99)" "$(get errors)"
  done
done
echo
echo "product page: $PRODUCT; category: ${PATHS[2]}"
