#!/usr/bin/env bash
# One command to run the full test suite: installs what it needs, builds the client, type-checks,
# then runs unit, type-level, integration and end-to-end (Chromium) tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
echo "[test] building the web client…" >&2
npx vite build --logLevel warn
echo "[test] type-checking…" >&2
npm run --silent typecheck
mkdir -p .test-artifacts
status=0
npx vitest run --config test/vitest.config.ts --reporter=default --reporter=json \
  --outputFile.json=.test-artifacts/vitest.json "$@" || status=$?
# A plain closing line that any CI can read.
node -e '
  const r = JSON.parse(require("fs").readFileSync(".test-artifacts/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
