#!/usr/bin/env bash
# Installs what the end-to-end tests need on an offline Debian machine (see /work/shared/E2E.md):
#   - Debian packages: chromium (headless browser), libkrb5-dev (code-server's kerberos module
#     compiles from source), ripgrep (seeds @vscode/ripgrep's download cache);
#   - code-server@$CODE_SERVER_VERSION into a cache folder OUTSIDE the repository.
# Idempotent: every step checks first and does nothing when already done. Never skips silently:
# anything that cannot be installed stops the script with a non-zero exit and a message.
#
# Environment:
#   INFRA_NOTES_CACHE   cache root (default: $HOME/.cache/infra-notes)
#   CODE_SERVER_VERSION (default: 4.100.3 — the last code-server that runs on Node 20)
# Prints nothing on stdout but progress lines; the code-server binary is at
#   $INFRA_NOTES_CACHE/code-server-$CODE_SERVER_VERSION/node_modules/.bin/code-server
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${INFRA_NOTES_CACHE:-$HOME/.cache/infra-notes}"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$CS_DIR/.installed"
# @vscode/ripgrep version and asset name pinned by code-server 4.100.3.
RG_PKG_VERSION="1.15.11"
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

log() { printf '[e2e setup] %s\n' "$*"; }
die() { printf '[e2e setup] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node >= 20 required (found $(node -v))"

# ---------------------------------------------------------------- Debian packages
need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  log "installing Debian packages: ${need_pkgs[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${need_pkgs[*]} by hand"
    SUDO="sudo"
  fi
  command -v apt-get >/dev/null || die "apt-get not found: install ${need_pkgs[*]} by hand"
  $SUDO apt-get update -qq || die "apt-get update failed"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${need_pkgs[@]}" fonts-dejavu-core >/dev/null \
    || die "apt-get install ${need_pkgs[*]} failed"
fi
command -v chromium >/dev/null || die "chromium still missing after install"
command -v rg >/dev/null || die "rg still missing after install"
dpkg -s libkrb5-dev >/dev/null 2>&1 || die "libkrb5-dev still missing after install"
log "chromium: $(chromium --version 2>/dev/null | head -1)"

# ------------------------------------------------------------------ code-server
installed_version() {
  node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
# Native modules (node-pty, kerberos, argon2) are built for one Node ABI: reinstall when it changes.
NODE_ABI="node-abi-$(node -p 'process.versions.modules')"
is_installed() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$NODE_ABI" ] \
    && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]
}
if is_installed; then
  log "code-server $CODE_SERVER_VERSION already installed in $CS_DIR"
else
  mkdir -p "$CACHE"
  # Serialise concurrent setups sharing the cache.
  exec 9>"$CACHE/.install.lock"
  flock 9
  if is_installed; then
    log "code-server $CODE_SERVER_VERSION installed by a concurrent run"
  else
    # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless its cache
    # already holds the asset; seed the cache with Debian's rg.
    RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
    if [ ! -s "$RG_CACHE/$RG_ASSET" ]; then
      log "seeding ripgrep cache $RG_CACHE"
      mkdir -p "$RG_CACHE"
      tar czf "$RG_CACHE/$RG_ASSET.tmp" -C "$(dirname "$(command -v rg)")" rg \
        && mv "$RG_CACHE/$RG_ASSET.tmp" "$RG_CACHE/$RG_ASSET" \
        || die "could not seed ripgrep cache in $RG_CACHE"
    fi

    log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about 2 minutes cold)"
    rm -rf "$CS_DIR"
    mkdir -p "$CS_DIR"
    echo '{"private":true}' > "$CS_DIR/package.json"
    npm_log="$CACHE/code-server-install.log"
    # As root, code-server's postinstall needs unsafe_perm; node-pty's postinstall runs npx node-gyp.
    if ! (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false \
          npm_config_audit=false npm install --no-save --loglevel=error \
          "code-server@$CODE_SERVER_VERSION") >"$npm_log" 2>&1; then
      tail -40 "$npm_log" >&2
      die "npm install code-server@$CODE_SERVER_VERSION failed (full log: $npm_log)"
    fi
    [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] \
      || die "code-server installed but version is '$(installed_version)', expected $CODE_SERVER_VERSION"
    # Sanity: the binary runs (always with --config, or it writes ~/.config/code-server).
    tmpcfg="$(mktemp)"
    printf 'auth: none\ncert: false\n' > "$tmpcfg"
    if ! "$CS_DIR/node_modules/.bin/code-server" --config "$tmpcfg" --version >/dev/null 2>&1; then
      rm -f "$tmpcfg"
      die "code-server installed but '$CS_DIR/node_modules/.bin/code-server --version' fails"
    fi
    rm -f "$tmpcfg"
    echo "$NODE_ABI" > "$MARKER"
    log "code-server $CODE_SERVER_VERSION installed"
  fi
  flock -u 9
fi
