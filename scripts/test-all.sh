#!/usr/bin/env bash
# Every test of the project, on a fresh machine or a warm one: installs what it needs (npm
# packages; Debian's chromium and code-server for the real-VS-Code tests, via test/e2e/setup.sh),
# builds, type-checks, runs the service/protocol/CLI/fuzz suites, packages the .vsix and checks it,
# then drives a real VS Code. Fails loudly; never skips a layer silently.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "install npm packages"
if [ -n "${CI:-}" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is current"
fi

step "build and type-check"
npm run build
npm run typecheck

step "language service, protocol, CLI and fuzz tests"
node scripts/run-tests.mjs test/unit test/protocol test/cli test/fuzz

step "package the .vsix and check its contents"
npm run package
node scripts/run-tests.mjs test/vsix

step "real VS Code: extension-host tests and UI smoke test"
bash test/e2e/run.sh

step "all test layers passed"
