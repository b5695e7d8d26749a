#!/usr/bin/env bash
# Installs the anchor servers the benchmark compares against, from npm, into a cache folder outside
# the repository (never into node_modules of the project). Re-running is cheap: npm skips what is there.
#   yaml-language-server 1.25.0            (Red Hat YAML's server; newest that runs on Node 20)
#   dockerfile-language-server-nodejs 0.15.0 (Docker's Dockerfile server)
#   @microsoft/compose-language-service 0.4.0 (the Compose server of Docker's and Microsoft's
#                                           extensions; 0.5+ requires Node 22)
# The schemas they use come from ../shared/bench/schemas (see /work/shared/bench/README.md); the
# benchmark serves the Kubernetes schema to yaml-language-server from there, so nothing is downloaded
# while it runs.
# Usage: test/bench/install-anchors.sh [folder]   (default: $BENCH_ANCHORS or ~/.cache/infra-notes-bench/anchors)
set -euo pipefail
DIR="${1:-${BENCH_ANCHORS:-$HOME/.cache/infra-notes-bench/anchors}}"
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{ "name": "infra-notes-bench-anchors", "private": true }' > package.json
flock /tmp/npm.lock npm install --no-audit --no-fund --ignore-scripts --save-exact \
  yaml-language-server@1.25.0 \
  dockerfile-language-server-nodejs@0.15.0 \
  @microsoft/compose-language-service@0.4.0
echo "anchors installed in $DIR:"
ls node_modules/yaml-language-server/bin/yaml-language-server node_modules/dockerfile-language-server-nodejs/bin/docker-langserver \
  node_modules/@microsoft/compose-language-service/bin/docker-compose-langserver
