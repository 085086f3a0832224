#!/usr/bin/env bash
# Instructions per warm pass of the wasm extraction in Node, repeatable to the instruction: node
# --predictable (no concurrent JIT) under cachegrind, (3 passes − 1 pass) / 2, so that start-up and
# compilation cancel out. Timings on the shared 2-core machines drift by ±15%; this does not.
#
#   scripts/wasm-instructions.sh target/bench/wasm/triangulate_wasm.js [ARTICLES_DIR]
#
# Needs valgrind (Debian package) and the CLI (target/release/triangulate) for loading the articles;
# ARTICLES_DIR defaults to bench/corpus (a few hundred articles are enough and much faster).
set -euo pipefail
module=$(realpath "$1")
articles=$(mktemp)
trap 'rm -f "$articles"' EXIT
"$(dirname "$0")/../target/release/triangulate" articles "${2:-bench/corpus}" > "$articles"
passes() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --no-liftoff --single-threaded --predictable --input-type=module -e "
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const wasm = createRequire(import.meta.url)('$module');
      const articles = JSON.parse(readFileSync('$articles', 'utf8'));
      for (let pass = 0; pass < $1; pass++) for (const a of articles) wasm.extract_count(a.text, a.date ?? '');" 2>&1 |
    awk '/I *refs/ { gsub(",", "", $4); print $4 }'
}
one=$(passes 1)
three=$(passes 3)
echo "$(( (three - one) / 2 / 1000000 ))M instructions per warm pass"
