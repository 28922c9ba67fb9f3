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
  PROXY_BIN="$(swift build -c release --show-bin-path)/ocmw-proxy"
}

# start_demo NAME PORT ADMIN_PORT TENANTS [extra args]: runs `ocmw-proxy demo` in the background
# and waits until it answers /health.
start_demo() {
  local name=$1 port=$2 admin=$3 tenants=$4; shift 4
  "$PROXY_BIN" demo --port "$port" --simulator-admin-port "$admin" --tenants "$tenants" \
    --data-dir "$BENCH_TMP/$name" --log-level warning "$@" >"$BENCH_TMP/$name.out" 2>"$BENCH_TMP/$name.err" &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      # Tokens signed by this demo's development key (12 h): citizen reads, and its admin credential.
      BENCH_TOKEN=$("$PROXY_BIN" dev-token --data-dir "$BENCH_TMP/$name/demo" --minutes 720)
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
