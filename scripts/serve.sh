#!/usr/bin/env bash
# The README's first command: install what is missing, then build and serve
# the infographic on http://127.0.0.1:8080/ (Arabic; add ?lang=en).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo
echo "  qitar:           http://127.0.0.1:8080/"
echo "  in English:      http://127.0.0.1:8080/en.html  (or ?lang=en)"
echo "  embedded twice in a demo article (embed.js and Pym.js):"
echo "                   http://127.0.0.1:8080/examples/host.html"
echo
# The demo article is built only on request (not into a production dist/).
export QITAR_DEMO=1
# The link-preview tags name absolute addresses: here, this server's.
export QITAR_PUBLIC_URL="${QITAR_PUBLIC_URL:-http://127.0.0.1:8080/}"
exec trunk serve --release --offline "$@"
