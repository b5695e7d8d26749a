#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server + headless Chromium; see /work/shared/E2E.md):
#   1. test/e2e/setup.sh         Chromium, ripgrep, libkrb5-dev, code-server into the cache (idempotent)
#   2. npm run package           only when the .vsix is missing or older than its sources
#   3. npm run build + test/e2e/build.mjs
#   4. test/e2e/runTest.mjs      extension-host suite (mocha + vscode API) through @vscode/test-electron
#   5. test/e2e/ui.smoke.mjs     UI smoke test of the installed .vsix, screenshots in test-results/
# Usage: bash test/e2e/run.sh [all|ext|ui]     Exit status non-zero if any step fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
WHAT="${1:-all}"
case "$WHAT" in all|ext|ui) ;; *) echo "usage: $0 [all|ext|ui]" >&2; exit 2 ;; esac

log() { printf '[e2e] %s\n' "$*"; }
T0=$SECONDS
phase_start=$SECONDS
phase() { log "$1 done in $((SECONDS - phase_start)) s"; phase_start=$SECONDS; }

# 1. Tools (before TMPDIR changes: the ripgrep cache lives in the default temp folder).
bash test/e2e/setup.sh || { log "setup failed"; exit 1; }
phase "setup"

# Every temporary folder of this run (and the environment of every process it starts) points
# into RUN_TMP, so leftovers can be found exactly afterwards.
RUN_TMP="$(mktemp -d "${TMPDIR:-/tmp}/infra-notes-run.XXXXXX")"
export TMPDIR="$RUN_TMP"

leftovers() {
  local e pid
  for e in /proc/[0-9]*/environ; do
    pid="${e#/proc/}"; pid="${pid%/environ}"
    [ "$pid" = "$$" ] && continue
    if { tr '\0' '\n' < "$e"; } 2>/dev/null | grep -qxF "TMPDIR=$RUN_TMP"; then echo "$pid"; fi
  done
}

status=0
fail() { log "FAILED: $*"; status=1; }

# 2. The .vsix (only for the UI smoke test).
VSIX="$(node -p 'const p=require("./package.json"); `${p.name}-${p.version}.vsix`')"
if [ "$WHAT" != ext ]; then
  stale=""
  if [ ! -f "$VSIX" ]; then stale="missing"
  else
    newer="$(find package.json package.nls*.json .vscodeignore README.md LICENSE CHANGELOG.md \
      client server/src server/knowledge snippets syntaxes l10n images scripts/build*.mjs \
      -newer "$VSIX" -type f 2>/dev/null | head -1)"
    [ -n "$newer" ] && stale="older than $newer"
  fi
  if [ -n "$stale" ]; then
    log "packaging $VSIX ($stale)"
    npm run --silent package >"$RUN_TMP/package.log" 2>&1 \
      || { tail -30 "$RUN_TMP/package.log"; log "npm run package failed"; exit 1; }
    [ -f "$VSIX" ] || { log "npm run package did not write $VSIX"; exit 1; }
  else
    log "$VSIX is up to date"
  fi
  phase "package"
fi

# 3. Build (after packaging: package's production build and this one write the same dist/).
if [ "$WHAT" != ui ]; then
  npm run --silent build || { log "npm run build failed"; exit 1; }
  node test/e2e/build.mjs || { log "building the e2e suite failed"; exit 1; }
  phase "build"
fi

# 4. Extension-host suite.
if [ "$WHAT" != ui ]; then
  node test/e2e/runTest.mjs || fail "extension-host suite"
  phase "extension-host suite"
fi

# 5. UI smoke test.
if [ "$WHAT" != ext ]; then
  node test/e2e/ui.smoke.mjs --vsix "$VSIX" || fail "UI smoke test (screenshots: test-results/screenshots/)"
  phase "UI smoke test"
fi

# No code-server, extension host, language server or Chromium may outlive the run.
pids="$(leftovers)"
if [ -n "$pids" ]; then
  log "FAILED: processes left running after the tests:"
  ps -o pid,ppid,stat,etime,args -p "$(echo $pids | tr ' ' ',')" || true
  kill -KILL $pids 2>/dev/null || true
  status=1
fi

if [ "$status" -eq 0 ]; then rm -rf "$RUN_TMP"; else log "temporary files kept in $RUN_TMP"; fi
log "total $((SECONDS - T0)) s: $([ "$status" -eq 0 ] && echo passed || echo FAILED)"
exit "$status"
