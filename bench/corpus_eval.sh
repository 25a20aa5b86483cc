#!/bin/sh
# Scores the scanner on a corpus of real published logs with ground truth (default: the dev
# evaluation set beside the checkout). Fails under recall 0.97 / precision 0.99 / any decoy.
# Usage: bench/corpus_eval.sh [DIR]     (WLANCODE=path overrides the CLI)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-"$ROOT/../shared/corpus-dev"}
BIN=${WLANCODE:-"$ROOT/build/tools/wlancode/wlancode"}
[ -x "$BIN" ] || { echo "build the CLI first (scripts/test.sh)" >&2; exit 2; }
[ -f "$DIR/expected.tsv" ] || { echo "no corpus with expected.tsv at $DIR" >&2; exit 2; }
exec python3 "$ROOT/bench/corpus_eval.py" "$BIN" "$DIR" --min-recall "${MIN_RECALL:-0.97}" \
  --min-precision "${MIN_PRECISION:-0.99}"
