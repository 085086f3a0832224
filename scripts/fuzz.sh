#!/usr/bin/env bash
# Fuzzes the extraction core: `extract` and `analyze` (crates/core/fuzz), each for SECONDS (default 60).
#
#   scripts/fuzz.sh 60      # CI's bounded budget
#   scripts/fuzz.sh 3600    # a long run: an hour per target
#
# Installs what it needs: g++ (libfuzzer-sys compiles libFuzzer's C++) and cargo-fuzz. Only stable
# rustc is available, so RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's unstable flags (sanitizer
# coverage). No AddressSanitizer: the core has no `unsafe`, and without it inputs run 2-3x faster;
# debug assertions and overflow checks stay on. A crash stops the run with a non-zero exit and
# leaves its input in crates/core/fuzz/artifacts/TARGET/; replay it from crates/core with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none TARGET ARTIFACT`, then add it as a named
# regression test (crates/core/tests/properties.rs). The corpus grows in
# crates/core/fuzz/corpus/TARGET/ (not committed) and is seeded from articles/.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
# Pinned so that CI does not pick up a new cargo-fuzz unannounced.
cargo_fuzz_version="0.13.2"

if ! command -v c++ >/dev/null; then
  apt-get update -qq && apt-get install -y -qq g++
fi
if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $cargo_fuzz_version" ]]; then
  cargo install cargo-fuzz --locked --version "$cargo_fuzz_version"
fi

export RUSTC_BOOTSTRAP=1
# Apart from the main build's artifacts: the fuzz flags would otherwise force rebuilds of both.
if [[ -n "${CARGO_TARGET_DIR:-}" ]]; then
  export CARGO_TARGET_DIR="$CARGO_TARGET_DIR/fuzz"
fi

cd "$root/crates/core"
for target in extract analyze; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  # Real articles give the mutations news prose to start from; for `analyze`, all of them in one
  # input (articles are NUL-separated there).
  cp "$root"/articles/*.txt "$corpus"/
  if [[ "$target" == analyze ]]; then
    for file in "$root"/articles/*.txt; do cat "$file"; printf '\0'; done >"$corpus/all-articles"
  fi
  # -timeout: one input taking 10 s is a hang (inputs are at most 8 KB, the size of an article).
  cargo fuzz run --sanitizer none --debug-assertions "$target" "$corpus" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -print_final_stats=1
done
