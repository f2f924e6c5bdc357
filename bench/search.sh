#!/usr/bin/env bash
# Search latency/throughput over HTTP on a fresh demo shop (release build):
# 1,000 representative queries against /api/search/results and
# /api/search/suggest, at 1 and 4 concurrent clients.
#
#   bench/search.sh                            # the embedded engine
#   MERCATO_MEILISEARCH_URL=http://127.0.0.1:7700 bench/search.sh
#   CONCURRENCY=1,4,16 bench/search.sh
#
# Needs: python3, a release build (scripts/serve or `cargo leptos build --release --split`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

CONCURRENCY="${CONCURRENCY:-1,4}"
PORT="${PORT:-3902}"
BIN="${BIN:-target/release/mercato}"
[ -x "$BIN" ] || { echo "no $BIN: build it with scripts/serve or cargo leptos build --release --split" >&2; exit 1; }
ENGINE=embedded
[ -n "${MERCATO_MEILISEARCH_URL:-}" ] && ENGINE=meilisearch

DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
MERCATO_DATA_DIR="$DATA" MERCATO_LOG=warn LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site \
  "$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$DATA/server.log"; exit 1; }

python3 bench/search.py "http://127.0.0.1:$PORT" --db "$DATA/mercato.db" --concurrency "$CONCURRENCY" --engine "$ENGINE"
