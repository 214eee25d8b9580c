#!/usr/bin/env bash
# The README's first command: install what is missing, build the release
# (what would be deployed: precompressed files, _headers with the strict CSP
# and caching rules), then serve that on http://127.0.0.1:8080/ with those
# headers. A failed build stops here with the build's own message; nothing
# stale is served.
#   bash scripts/serve.sh            build once, serve
#   bash scripts/serve.sh --watch    also rebuild when a source changes
#                                    (reload the page yourself; still the CSP)
# QITAR_PORT picks another port; QITAR_STORY, QITAR_STORY_ORIGINS and
# QITAR_PUBLIC_URL are passed to the build (README).
set -euo pipefail
cd "$(dirname "$0")/.."

watch=0
for arg in "$@"; do
  case "$arg" in
    --watch) watch=1 ;;
    *) echo "serve.sh: unknown option $arg (only --watch)" >&2; exit 2 ;;
  esac
done

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# The demo article is built only here and for the tests (not into a
# production dist/ built with trunk build alone).
export QITAR_DEMO=1
# The link-preview tags name absolute addresses: here, this server's.
export QITAR_PUBLIC_URL="${QITAR_PUBLIC_URL:-http://127.0.0.1:${QITAR_PORT:-8080}/}"

printf '\033[1m[serve]\033[0m building the release (a first build takes a few minutes)\n'
if ! trunk build --release --offline; then
  echo "serve.sh: the build failed (its message is above); nothing is served." >&2
  exit 1
fi

if [ "$watch" = 1 ]; then
  # Trunk's watcher rebuilds into dist/; a failed rebuild leaves the last
  # good build in place and prints why.
  trunk watch --release --offline --ignore dist --ignore dist-twitter &
  watcher=$!
  trap 'kill "$watcher" 2>/dev/null' EXIT
  node scripts/serve-dist.mjs --dir dist
else
  exec node scripts/serve-dist.mjs --dir dist
fi
