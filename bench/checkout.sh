#!/usr/bin/env bash
# Checkout scenario (cart → quote → order → offline payment → confirmation)
# against a release server on a fresh demo shop; prints server time per step.
# Runs on SQLite and on PostgreSQL (the local cluster the tests use, a fresh
# database each run), one after the other.
#
#   bench/checkout.sh                       # 200 shoppers, 4 at a time, both databases
#   SHOPPERS=500 CONCURRENCY=8 DB=postgres bench/checkout.sh
#
# Needs: python3, a release build (scripts/serve or `cargo leptos build --split
# --release`); for PostgreSQL, Debian's postgresql (scripts/test installs it).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"

SHOPPERS="${SHOPPERS:-200}"
CONCURRENCY="${CONCURRENCY:-4}"
DB="${DB:-both}"
PORT="${PORT:-3901}"
BIN="${BIN:-target/release/mercato}"
[ -x "$BIN" ] || { echo "no $BIN: build it with scripts/serve or cargo leptos build --release --split" >&2; exit 1; }

PG_ADMIN="postgres://postgres:postgres@127.0.0.1:5432"
PG_DB="mercato_bench_$$"
DATA=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  psql -q "$PG_ADMIN/postgres" -c "DROP DATABASE IF EXISTS $PG_DB" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

# Well-stocked variants from the demo shop, so stock never runs out mid-run.
IN_STOCK="SELECT v.sku FROM variants v JOIN stock_levels s ON s.variant_id = v.id
          GROUP BY v.id, v.sku HAVING SUM(s.on_hand - s.reserved) >= 20 ORDER BY v.id LIMIT 50"

run() { # database: sqlite | postgres
  local url skus
  rm -rf "$DATA"/*
  if [ "$1" = postgres ]; then
    start_postgres
    psql -q "$PG_ADMIN/postgres" -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
    url="$PG_ADMIN/$PG_DB"
  else
    url="sqlite://$DATA/mercato.db?mode=rwc"
  fi
  MERCATO_DATABASE_URL="$url" MERCATO_DATA_DIR="$DATA" MERCATO_LOG=warn \
    LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site \
    MERCATO_AUTH_RATE_LIMIT=100000/1 MERCATO_CHECKOUT_RATE_LIMIT=100000/1 "$BIN" serve >"$DATA/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$DATA/server.log"; exit 1; }
  if [ "$1" = postgres ]; then
    skus=$(psql -At "$url" -c "$IN_STOCK" | paste -sd, -)
  else
    skus=$(python3 -c 'import sqlite3, sys; print(",".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' \
      "$DATA/mercato.db" "$IN_STOCK")
  fi
  echo "== $1"
  python3 bench/checkout.py "http://127.0.0.1:$PORT" --shoppers "$SHOPPERS" --concurrency "$CONCURRENCY" --skus "$skus"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

case "$DB" in
  sqlite | postgres) run "$DB" ;;
  both) run sqlite; run postgres ;;
  *) echo "DB must be sqlite, postgres or both" >&2; exit 1 ;;
esac
