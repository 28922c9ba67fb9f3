#!/usr/bin/env bash
# Shared by the benchmark scripts: tools, release build, starting a demo, reading wrk output.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v wrk >/dev/null 2>&1 || need_packages+=(wrk)
install_missing

BENCH_TMP=$(mktemp -d /tmp/ocmw-bench.XXXXXX)
BENCH_PIDS=()
cleanup_bench() {
  for pid in "${BENCH_PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$BENCH_TMP"
}
trap cleanup_bench EXIT

build_release() {
  echo "==> release build" >&2
  swift build -c release --product ocmw-proxy >&2
  swift build -c release --product ocmw-dev >&2
  PROXY_BIN="$(swift build -c release --show-bin-path)/ocmw-proxy"
  DEV_BIN="$(swift build -c release --show-bin-path)/ocmw-dev"
}

# The binary with the development commands (demo, dev-token): ocmw-dev next to PROXY_BIN; a build
# from before ocmw-dev existed had them in ocmw-proxy itself (PROXY_BIN given to compare commits).
dev_bin() {
  local dev="${DEV_BIN:-$(dirname "$PROXY_BIN")/ocmw-dev}"
  if [ -x "$dev" ]; then echo "$dev"; else echo "$PROXY_BIN"; fi
}

# start_demo NAME PORT ADMIN_PORT TENANTS [extra args]: runs `ocmw-dev demo` in the background
# and waits until it answers /health.
start_demo() {
  local name=$1 port=$2 admin=$3 tenants=$4; shift 4
  "$(dev_bin)" demo --port "$port" --simulator-admin-port "$admin" --tenants "$tenants" \
    --data-dir "$BENCH_TMP/$name" --log-level warning "$@" >"$BENCH_TMP/$name.out" 2>"$BENCH_TMP/$name.err" &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      # Tokens signed by this demo's development key (12 h): citizen reads, and its admin credential.
      BENCH_TOKEN=$("$(dev_bin)" dev-token --data-dir "$BENCH_TMP/$name/demo" --minutes 720)
      BENCH_ADMIN_TOKEN=$(cat "$BENCH_TMP/$name/demo/dev-admin-token")
      return 0
    fi
    sleep 0.1
  done
  echo "demo $name did not come up; its log:" >&2
  tail -20 "$BENCH_TMP/$name.err" >&2
  return 1
}

# wrk_json URL [wrk args]: runs wrk and prints {"rps":…, "p50_ms":…, "p99_ms":…, "errors":…}.
wrk_json() {
  local url=$1; shift
  wrk --latency "$@" "$url" | python3 "$(dirname "${BASH_SOURCE[0]}")/wrk-summary.py"
}

# retarget_tenants IN OUT BASE_PORT: copies a tenants file with each backend moved to port
# BASE_PORT + (its port mod 100), so a run does not collide with a demo on the shipped ports.
retarget_tenants() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, re, sys
source, target, base = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = json.load(open(source, encoding="utf-8"))
for tenant in doc["tenants"]:
    url = tenant["backend"]["baseURL"]
    port = int(re.search(r":(\d+)$", url).group(1))
    tenant["backend"]["baseURL"] = re.sub(r":\d+$", f":{base + port % 100}", url)
json.dump(doc, open(target, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
}

# start_sim NAME TENANTS ADMIN_PORT [extra args]: runs `newsocial-sim` (no API keys required)
# in the background and waits until its admin listener answers.
start_sim() {
  local name=$1 tenants=$2 admin=$3; shift 3
  "$SIM_BIN" --tenants "$tenants" --admin-port "$admin" --log-level warning "$@" \
    >"$BENCH_TMP/$name.out" 2>"$BENCH_TMP/$name.err" &
  BENCH_PIDS+=($!)
  wait_http "http://127.0.0.1:$admin/stats" "$name"
}

# start_serve NAME PORT ADMIN_PORT TENANTS [extra args]: runs `ocmw-proxy serve` with development
# authentication and every tenant's API key set; PROXY_WRAPPER (e.g. valgrind) runs before it.
# Sets BENCH_TOKEN, BENCH_ADMIN_TOKEN and SERVE_PID.
start_serve() {
  local name=$1 port=$2 admin=$3 tenants=$4; shift 4
  local keys=()
  for variable in $(grep -o '"env": *"[A-Z0-9_]*"' "$tenants" | sed 's/.*"\([A-Z0-9_]*\)"$/\1/'); do
    keys+=("$variable=bench-key")
  done
  mkdir -p "$BENCH_TMP/$name"
  env "${keys[@]}" ${PROXY_WRAPPER:-} "$PROXY_BIN" serve --port "$port" --admin-port "$admin" --tenants "$tenants" \
    --data-dir "$BENCH_TMP/$name" --dev-auth --allow-dev-auth --log-level warning "$@" \
    >"$BENCH_TMP/$name.out" 2>"$BENCH_TMP/$name.err" &
  SERVE_PID=$!
  BENCH_PIDS+=($SERVE_PID)
  wait_http "http://127.0.0.1:$port/health" "$name"
  BENCH_TOKEN=$("$(dev_bin)" dev-token --data-dir "$BENCH_TMP/$name" --minutes 720)
  BENCH_ADMIN_TOKEN=$(cat "$BENCH_TMP/$name/dev-admin-token")
}

# wait_http URL NAME: waits (up to 5 minutes: valgrind starts slowly) until URL answers 2xx.
wait_http() {
  for _ in $(seq 1 3000); do
    curl -sf "$1" >/dev/null 2>&1 && return 0
    kill -0 "${BENCH_PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "$2 did not come up; its log:" >&2
  tail -20 "$BENCH_TMP/$2.err" >&2
  return 1
}
