#!/bin/sh
# The inbound check's steps by instructions, as round 16 of #26 reads them (bench/guard/inbound-profile.ts): bundled (no
# TypeScript loader under valgrind), one callgrind profile per interval, each step's least / median / most over the passes.
#   bench/guard/inbound-callgrind.sh /tmp/cg --corpus store --messages 2000 --steps whole,scam --passes 5 --warm 3
# From the repository's root; writes /tmp/cg.N profiles, /tmp/cg.log (the intervals) and .tmp/inbound-profile.mjs.
set -e
out="$1"; shift
mkdir -p .tmp
npx esbuild bench/guard/inbound-profile.ts --bundle --platform=node --format=esm --log-level=warning \
  --external:better-sqlite3 --external:@github/keytar --external:@node-rs/argon2 \
  --banner:js="import{createRequire}from'module';const require=createRequire(import.meta.url);" --outfile=.tmp/inbound-profile.mjs
rm -f "$out" "$out".[0-9]*
valgrind --tool=callgrind --dump-before=uv_getrusage_thread --callgrind-out-file="$out" \
  node --expose-gc --single-threaded --no-flush-bytecode --no-flush-baseline-code .tmp/inbound-profile.mjs --callgrind "$@" > "$out.log" 2> "$out.err"
head -1 "$out.log"
node --import tsx bench/guard/callgrind-steps.ts "$out" "$out.log"
