#!/bin/sh
# The inbound check's steps by instructions, as round 16 of #26 reads them (bench/guard/inbound-profile.ts): bundled (no
# TypeScript loader under valgrind), one callgrind profile per interval, each step's least / median / most over the passes.
#   bench/guard/inbound-callgrind.sh /tmp/cg --corpus store --messages 2000 --steps whole,scam --passes 5 --warm 3
#   bench/guard/inbound-callgrind.sh /tmp/cg --at 1edc444c^1 --messages 500 …   (another commit's code, this profile)
# From the repository's root; writes /tmp/cg.N profiles, /tmp/cg.log (the intervals) and .tmp/inbound-profile.mjs.
# `--at REV` (first after OUT): the check of commit REV (its main/, config/ and package.json, from `git archive`, in
# .tmp/at/) run by this tree's profile script, so a before and an after are measured by one method and one layout.
set -e
out="$1"; shift
mkdir -p .tmp
src=bench/guard/inbound-profile.ts
if [ "$1" = "--at" ]; then
  rm -rf .tmp/at && mkdir -p .tmp/at
  git archive "$2" main config package.json | tar -x -C .tmp/at
  cp -r bench .tmp/at/
  src=.tmp/at/bench/guard/inbound-profile.ts
  shift 2
fi
npx esbuild "$src" --bundle --platform=node --format=esm --log-level=warning \
  --external:better-sqlite3 --external:@github/keytar --external:@node-rs/argon2 \
  --banner:js="import{createRequire}from'module';const require=createRequire(import.meta.url);" --outfile=.tmp/inbound-profile.mjs
rm -f "$out" "$out".[0-9]*
valgrind --tool=callgrind --dump-before=uv_getrusage_thread --callgrind-out-file="$out" \
  node --expose-gc --single-threaded --no-flush-bytecode --no-flush-baseline-code .tmp/inbound-profile.mjs --callgrind "$@" > "$out.log" 2> "$out.err"
head -1 "$out.log"
node --import tsx bench/guard/callgrind-steps.ts "$out" "$out.log"
