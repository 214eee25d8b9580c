#!/usr/bin/env bash
# Benchmarks (numbers, not pass/fail): builds the release (precompressed),
# then prints bytes per asset, where the first view's wasm bytes go,
# Lighthouse mobile medians, robustness counters, the reader's wait on a
# throttled phone (live, card), the journey's frame times, and what the
# graphic costs a host article. Usage: bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Lighthouse is only for the benchmark: 12.x, since 13 needs Node 22.
if [ "$(node -p "try{require('lighthouse/package.json').version}catch(e){''}")" != "12.8.2" ]; then
  npm install --no-save --no-audit --no-fund lighthouse@12.8.2
fi
export CHROME_PATH=/usr/bin/chromium
trunk build --release --offline
node scripts/bench.mjs
# Where the first view's wasm bytes go: Trunk's cargo output, through the
# same wasm-bindgen and wasm-opt -Oz, but keeping the function names (-g).
named=$(mktemp -d)
wasm-bindgen --target web --out-dir "$named" target/wasm32-unknown-unknown/release/qitar.wasm
wasm-opt -Oz -g "$named/qitar_bg.wasm" -o "$named/named.wasm"
node scripts/wasm-breakdown.mjs "$named/named.wasm" --top 30
rm -rf "$named"
node scripts/bench-live.mjs "${RUNS:-3}"
node scripts/bench-journey.mjs "${PASSES:-20}"
# What the graphic costs an article that embeds it (Lighthouse varies more
# with two frames: median of 5).
node scripts/bench-host.mjs "${HOST_RUNS:-5}"
