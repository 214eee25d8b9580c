#!/usr/bin/env bash
# The README's second command, and what CI runs: install what is missing,
# then run every check and test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check
step "clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# Imports point down the data flow: no two modules import each other.
node scripts/import-cycles.mjs
node scripts/readme-layout.mjs
step "native tests"
cargo test
# The field reference is generated from the schema, which a test keeps in step with the types.
node scripts/field-reference.mjs --check
step "browser component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web
step "release build of the second story (the first is built by the first command, below)"
# The link-preview tags need the address the build is published at; the
# tests read them as if it were scripts/serve.sh's (tests/e2e/share.test.mjs).
export QITAR_PUBLIC_URL=http://127.0.0.1:8080/
# The second story, built as another newsroom would build theirs.
QITAR_STORY=stories/twitter-suspensions.json trunk build --release --offline --dist dist-twitter
step "the first command: scripts/serve.sh builds and serves; the app goes live there and a card opens"
# Run as a newcomer runs it. Its build (with the demo host page) is the one
# the tests below use; QITAR_STORY_ORIGINS names the one other origin
# ?story= may load from (the e2e tests serve it on that port).
QITAR_STORY_ORIGINS=http://127.0.0.1:47615 node tests/first-command.mjs
step "end-to-end tests (Playwright, headless Chromium)"
# A hung test fails after 3 minutes instead of holding CI to its limit.
node --test --test-timeout=180000 tests/e2e/
step "the reader's path in Firefox ESR and WebKitGTK"
xvfb-run -a node --test --test-timeout=180000 tests/engines/
