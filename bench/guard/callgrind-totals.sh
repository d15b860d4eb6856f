#!/bin/sh
# The instruction total of each profile callgrind wrote with --dump-before (bench/guard/inbound-profile.ts):
#   bench/guard/callgrind-totals.sh /tmp/cg   (reads /tmp/cg.1, /tmp/cg.2, … in order)
for f in $(ls "$1".* 2>/dev/null | grep -E '\.[0-9]+$' | sort -V) "$1"; do
  printf '%s %s\n' "${f##*.}" "$(grep -m1 -E '^(summary|totals):' "$f" | awk '{print $2}')"
done
