#!/usr/bin/env bash
# Installs what Hatchery needs on a fresh Debian 12 clone: the mediasoup worker (built offline from
# the npm package's sources, cached in ~/.cache/hatchery), npm packages, and with --browser what the
# tests need (Debian's Chromium, CJK fonts, ffmpeg). Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Hatchery needs Node.js 20 or newer (found $(node -v))." >&2
  exit 1
fi

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "Please install these Debian packages first: ${missing[*]}" >&2; exit 1
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "$want_browser" = 1 ]; then
  apt_install chromium fonts-noto-cjk fonts-noto-color-emoji ffmpeg
fi

# The mediasoup worker: mediasoup's own install downloads a prebuilt binary, which fails offline.
# Build it from the package's sources (or reuse the cached build) and point the install at it.
ms_version=$(node -p 'require("./package-lock.json").packages["node_modules/mediasoup"].version')
ms_dir="$PWD/node_modules/mediasoup"
if [ -f "$ms_dir/package.json" ] && [ "$(node -p "require('$ms_dir/package.json').version")" = "$ms_version" ]; then
  worker_bin=$(MEDIASOUP_VERSION="$ms_version" bash scripts/mediasoup-worker/build.sh "$ms_dir" | tail -1)
else
  worker_bin=$(MEDIASOUP_VERSION="$ms_version" bash scripts/mediasoup-worker/build.sh /nonexistent | tail -1)
fi
export MEDIASOUP_WORKER_BIN="$worker_bin"

# npm packages: install when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Put the worker where mediasoup looks by default, so no environment variable is needed at run time.
release_bin="node_modules/mediasoup/worker/out/Release/mediasoup-worker"
if ! cmp -s "$worker_bin" "$release_bin" 2>/dev/null; then
  install -D -m 755 "$worker_bin" "$release_bin"
  log "mediasoup worker installed: $release_bin"
fi
