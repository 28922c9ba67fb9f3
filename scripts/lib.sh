#!/usr/bin/env bash
# Shared by scripts/demo and scripts/test: install what the build needs when it is missing.
set -euo pipefail

export PATH="/opt/swift/usr/bin:$PATH"

need_packages=()
pkg-config --exists libcurl 2>/dev/null || need_packages+=(libcurl4-openssl-dev)
[ -f /usr/include/openssl/ssl.h ] || need_packages+=(libssl-dev)
command -v pkg-config >/dev/null 2>&1 || need_packages+=(pkg-config)
# The TLS tests make a throwaway PKI with the openssl command-line tool.
command -v openssl >/dev/null 2>&1 || need_packages+=(openssl)
# scripts/check-openapi and scripts/contract-test: python3 with venv (Debian ships ensurepip, which
# `python3 -m venv` needs, in python3-venv), and curl.
command -v python3 >/dev/null 2>&1 || need_packages+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_packages+=(python3-venv)
command -v curl >/dev/null 2>&1 || need_packages+=(curl)
# scripts/postgres-test-cluster (run by scripts/test): the PostgreSQL server binaries.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null \
  || need_packages+=(postgresql)

install_missing() {
  if [ ${#need_packages[@]} -gt 0 ]; then
    echo "==> installing ${need_packages[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_packages[@]}" >/dev/null
  fi
  command -v swift >/dev/null 2>&1 || { echo "swift not found (expected at /opt/swift/usr/bin)" >&2; exit 1; }
}
