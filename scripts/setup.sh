#!/usr/bin/env bash
# Installs what building (and, with --test, testing) qitar needs, skipping
# whatever is already there. Everything comes from crates.io, npm or apt.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  # Not --locked: its lockfile names a crate that is no longer on crates.io.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen's wasm-opt, terser, the browser drivers)"
  npm ci --no-audit --no-fund
fi

if [ "$want_test" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # Arabic naskh and sans faces for screenshots and layout tests.
  [ -e /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
  # The other two engines: Firefox ESR (puppeteer-core over WebDriver BiDi)
  # and WebKitGTK's MiniBrowser (WebKitWebDriver), which needs a display.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  # OCR of the share pictures' Arabic (tests/e2e/share.test.mjs).
  command -v tesseract >/dev/null || missing+=(tesseract-ocr)
  tesseract --list-langs 2>/dev/null | grep -x ara >/dev/null || missing+=(tesseract-ocr-ara)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing from apt: ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
say "tools ready: $(trunk --version), wasm-bindgen $WB_VERSION, $(wasm-opt --version)"
