#!/usr/bin/env bash
# One command to run the whole space with demo data on the embedded defaults (SQLite, local disk).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "[demo] building the web client…" >&2
npx vite build --logLevel warn
export HATCHERY_DEMO=1
export HATCHERY_DATA_DIR="${HATCHERY_DATA_DIR:-$PWD/data/demo}"
exec npx tsx server/main.ts
