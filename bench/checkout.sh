#!/usr/bin/env bash
# Checkout scenario (cart → quote → order → offline payment → confirmation)
# against a release server on a fresh demo shop; prints server time per step.
#
#   bench/checkout.sh                       # 200 shoppers, 4 at a time
#   SHOPPERS=500 CONCURRENCY=8 bench/checkout.sh
#
# Needs: python3, a release build (scripts/serve or `cargo leptos build --release`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

SHOPPERS="${SHOPPERS:-200}"
CONCURRENCY="${CONCURRENCY:-4}"
PORT="${PORT:-3901}"
BIN="${BIN:-target/release/mercato}"
[ -x "$BIN" ] || { echo "no $BIN: build it with scripts/serve or cargo leptos build --release" >&2; exit 1; }

DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
MERCATO_DATA_DIR="$DATA" MERCATO_LOG=warn LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site \
  MERCATO_AUTH_RATE_LIMIT=100000/1 "$BIN" serve >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$DATA/server.log"; exit 1; }

# Well-stocked variants from the demo shop, so stock never runs out mid-run.
SKUS=$(python3 - "$DATA/mercato.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("""SELECT v.sku FROM variants v JOIN stock_levels s ON s.variant_id = v.id
                     GROUP BY v.id HAVING SUM(s.on_hand - s.reserved) >= 20 ORDER BY v.id LIMIT 50""").fetchall()
print(",".join(r[0] for r in rows))
PY
)
python3 bench/checkout.py "http://127.0.0.1:$PORT" --shoppers "$SHOPPERS" --concurrency "$CONCURRENCY" --skus "$SKUS"
