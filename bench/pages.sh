#!/usr/bin/env bash
# Storefront throughput and latency, each page next to references measured
# in the same run: nginx (Debian) serving a file of the same size as our
# static asset (the machine's limit), Mercato serving that asset, and nginx
# serving as many bytes as a cached home page (what a page's size costs).
# Anonymous pages (home, category, product, search), signed-in ones
# (account, cart with one line) and the REST API's product list and
# product (/api/v1, public reads); at the end, the page cache's hit ratio as
# the server counted it (/metrics). Starts its own release server on a fresh
# demo shop, and its own nginx.
#
#   bench/pages.sh                 # 10 s per cell, 10/100/1000 connections
#   DURATION=30 CONNECTIONS="50 500" bench/pages.sh
#   BIN=/tmp/old/mercato SITE=/tmp/old/site bench/pages.sh   # another build
#
# Needs: wrk and nginx (Debian; installed when missing), a release build
# (scripts/serve or `cargo leptos build --release --split`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-10 100 1000}"
PORT="${PORT:-3900}"
NGINX_PORT="${NGINX_PORT:-3901}"
BIN="${BIN:-target/release/mercato}"
# Another build's site beside its binary (hash.txt next to it), e.g. an
# older commit's for a before/after table.
SITE="${SITE:-target/site}"

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null || { echo "installing wrk"; sudo_ apt-get install -y -qq wrk; }
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || { echo "installing nginx"; sudo_ apt-get install -y -qq nginx-light || sudo_ apt-get install -y -qq nginx; }
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$BIN" ] || { echo "no $BIN: build it with scripts/serve or cargo leptos build --release --split" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

DATA=$(mktemp -d)
cleanup() {
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  [ -f "$DATA/nginx.pid" ] && kill "$(cat "$DATA/nginx.pid")" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

MERCATO_DATA_DIR="$DATA" MERCATO_LOG=warn LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$SITE" \
  "$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$DATA/server.log"; exit 1; }
BASE="http://127.0.0.1:$PORT"

# nginx: the same bytes as our static asset, two workers (one per core).
mkdir -p "$DATA/www"
cp "$SITE/favicon.svg" "$DATA/www/favicon.svg"
# nginx's workers run as another user: let them read the file.
chmod a+rx "$DATA" "$DATA/www"
chmod a+r "$DATA/www/favicon.svg"
cat >"$DATA/nginx.conf" <<EOF
worker_processes auto;
pid $DATA/nginx.pid;
error_log $DATA/nginx.err warn;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $DATA/www;
    location / { add_header Cache-Control "public, max-age=3600"; }
  }
}
EOF
"$NGINX" -c "$DATA/nginx.conf"
for _ in $(seq 1 20); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/favicon.svg" && break; sleep 0.2; done
curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/favicon.svg" || { echo "nginx does not serve the reference file" >&2; cat "$DATA/nginx.err" >&2; exit 1; }

# A signed-in shopper with one line in the cart.
ORIGIN=(-H "Origin: $BASE" -H "Sec-Fetch-Site: same-origin")
JAR="$DATA/cookies"
curl -fs -c "$JAR" -b "$JAR" "${ORIGIN[@]}" -o /dev/null "$BASE/api/auth/register" \
  --data-urlencode "email=bench@example.com" --data-urlencode "password=plum tractor velvet harbour" --data-urlencode "name=Bench Shopper"
curl -fs -c "$JAR" -b "$JAR" "${ORIGIN[@]}" -o /dev/null "$BASE/api/auth/login" \
  --data-urlencode "email=bench@example.com" --data-urlencode "password=plum tractor velvet harbour"
PRODUCT=$(curl -fs "$BASE/category/women-t-shirts" | grep -o 'href="/product/[^"]*"' | head -1 | sed 's/href="//; s/"$//')
SKU=$(curl -fs "$BASE$PRODUCT" | grep -o '"sku":"[^"]*"' | head -1 | sed 's/"sku":"//; s/"$//')
curl -fs -c "$JAR" -b "$JAR" "${ORIGIN[@]}" -o /dev/null "$BASE/api/cart/add" --data-urlencode "sku=$SKU"
SESSION=$(awk '$6 == "mercato_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "could not sign in the benchmark shopper" >&2; exit 1; }
SIGNED_IN=(-H "Cookie: mercato_session=$SESSION")

# The signed-in product page is rendered per request (no shared cache
# entry), so it shows what the page's own sections cost.
# The REST API's reads beside the pages that show the same thing.
SLUG="${PRODUCT#/product/}"
# A second reference for the pages: nginx sending as many bytes as a
# cached home page does (its brotli body), so a page's throughput and tail
# can be read against what its size costs the machine.
curl -fs -H 'Accept-Encoding: br' -o "$DATA/www/page.bin" "$BASE/"
chmod a+r "$DATA/www/page.bin"
declare -a NAMES=("nginx, same file (machine)" "static asset" "nginx, a page's bytes" "home" "category" "product" "search" "account (signed in)" "cart (signed in)" "product (signed in)" "API product list" "API product")
declare -a URLS=("http://127.0.0.1:$NGINX_PORT/favicon.svg" "$BASE/favicon.svg" "http://127.0.0.1:$NGINX_PORT/page.bin" "$BASE/" "$BASE/category/women?sort=price_asc&page=2" "$BASE$PRODUCT" "$BASE/search?q=merino" "$BASE/account" "$BASE/cart" "$BASE$PRODUCT" "$BASE/api/v1/products?category=women&sort=price_asc" "$BASE/api/v1/products/$SLUG")
declare -a SIGNED=(0 0 0 0 0 0 0 1 1 1 0 0)

printf '\nMercato storefront benchmark — %s, %s cores, %s s per cell, Accept-Encoding: gzip, deflate, br, zstd (a current browser'\''s)\n\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc)" "$DURATION"
printf '| %-26s | %5s | %10s | %8s | %8s | %8s | %8s | %6s |\n' page conns "req/s" "% nginx" "p50 ms" "p95 ms" "p99 ms" errors
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------" "-------" "------------" "----------" "----------" "----------" "----------" "--------"
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

declare -A NGINX_RPS
for i in "${!URLS[@]}"; do
  for c in $CONNECTIONS; do
    drain
    threads=2; [ "$c" -lt 2 ] && threads=1
    headers=(-H 'Accept-Encoding: gzip, deflate, br, zstd')
    [ "${SIGNED[$i]}" = 1 ] && headers+=("${SIGNED_IN[@]}")
    line=$(wrk -t"$threads" -c"$c" -d"${DURATION}s" --timeout 10s "${headers[@]}" \
      -s bench/report.lua "${URLS[$i]}" | grep '^RESULT')
    get() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    rps=$(get rps)
    [ "$i" = 0 ] && NGINX_RPS[$c]=$rps
    share=$(awk -v r="$rps" -v n="${NGINX_RPS[$c]}" 'BEGIN{ if (n > 0) printf "%.1f", 100 * r / n; else print "-" }')
    printf '| %-26s | %5s | %10s | %8s | %8s | %8s | %8s | %6s |\n' "${NAMES[$i]}" "$c" "$rps" "$share" "$(get p50)" "$(get p95)" "$(get p99)" "$(get errors)"
  done
done
echo
metric() { curl -fs "$BASE/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
hits=$(metric mercato_page_cache_hits_total); misses=$(metric mercato_page_cache_misses_total)
awk -v h="${hits:-0}" -v m="${misses:-0}" 'BEGIN{ printf "page cache: %d hits, %d misses, hit ratio %.2f %%\n", h, m, (h + m > 0 ? 100 * h / (h + m) : 0) }'
echo "product page: $PRODUCT; category: /category/women?sort=price_asc&page=2; search: /search?q=merino"
