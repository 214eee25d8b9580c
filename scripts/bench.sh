#!/usr/bin/env bash
# Benchmarks (numbers, not pass/fail): builds the release, then measures the
# journey's frame times, long tasks and heap. Usage: bash scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
node scripts/bench-journey.mjs "${PASSES:-20}"
