#!/usr/bin/env bash
# Instructions per pass of detectSensitive over the kit's dev set, under callgrind (see instructions.ts).
#   bash bench/masking/instructions.sh [CHECKOUT] [PASSES] [--reader|--corpus]   (CHECKOUT defaults to this one, PASSES
#   to 30; --reader: the number-token reader alone; --corpus: the dev set and every set of this checkout's masking and
#   guard benches that is not report only, the same texts whichever CHECKOUT's detector runs)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
passes="${2:-30}"
mode="${3:-}"
[ "$mode" = --corpus ] && mode="--corpus $here"
gold="$(cd "$here/.." && pwd)/shared/pii/dev.jsonl"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# bundled from the checkout's own folder, so its detector is the one imported
(cd "$checkout/bench/masking" && "$here/node_modules/.bin/esbuild" --bundle --loader=ts --platform=node --format=esm --log-level=error --outfile="$out/run.mjs") < "$here/bench/masking/instructions.ts"
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node "$out/run.mjs" --gold "$gold" --passes "$1" $mode 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
zero="$(count 0)"
full="$(count "$passes")"
echo "checkout $checkout${mode:+ ($mode)}: $(( (full - zero) / passes )) instructions per pass ($full with $passes passes, $zero with none; load $(cut -d' ' -f1-3 /proc/loadavg))"
