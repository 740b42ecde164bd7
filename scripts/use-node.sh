#!/usr/bin/env bash
# Prints the folder of the project's Node binary (the version of package.json's devDependency `node`,
# from the npm registry's `node` package), installing it into a cache first when it is not there:
#   export PATH="$(scripts/use-node.sh):$PATH"
# Needs any Node with npm to start from (this machine's older one will do).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -nE 's/^ *"node": "([0-9]+\.[0-9]+\.[0-9]+)",?$/\1/p' package.json | head -n 1)"
[ -n "$version" ] || { echo "package.json names no exact devDependency node" >&2; exit 1; }
if [ "$(node -v 2>/dev/null)" = "v$version" ]; then
  dirname "$(command -v node)"
  exit 0
fi
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/groups-console/node-$version"
if [ ! -x "$prefix/node_modules/node/bin/node" ]; then
  mkdir -p "$prefix"
  echo '{"private":true}' >"$prefix/package.json"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node@$version" >&2
fi
echo "$prefix/node_modules/node/bin"
