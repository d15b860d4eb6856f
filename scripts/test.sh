#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find.
# On Linux it runs inside a private D-Bus session with an unlocked GNOME Keyring and a temporary HOME, so the
# tests use a real OS keychain without touching yours.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = Linux ] && [ -z "${DIWAN_TEST_SESSION:-}" ]; then
  if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    test_home=$(mktemp -d "${TMPDIR:-/tmp}/diwan-test-home.XXXXXX")
    trap 'rm -rf "$test_home"' EXIT
    status=0
    DIWAN_TEST_SESSION=1 HOME="$test_home" dbus-run-session -- bash -c '
      echo -n diwan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
      exec bash scripts/test.sh "$@"' bash "$@" 2> >(grep -v "Failed to set fd limit\|org.a11y.Bus" >&2) || status=$?
    exit $status
  fi
  echo "note: dbus-run-session or gnome-keyring-daemon not found; keychain tests will use the current session." >&2
fi

bin=node_modules/.bin
step() { printf '\n== %s\n' "$1"; }

# Node's module compile cache for every Node process of the run (test workers, and the hub nodes, consoles and CLI
# children they start, which inherit it): each compiles a module once per run instead of once per process. It holds
# compiled code only; `NODE_COMPILE_CACHE=` (empty) turns it off.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE-$PWD/node_modules/.cache/node-compile}"

# `bash scripts/test.sh --run <script.ts> [args]`: a long proof (crash, soak) with the private keychain.
if [ "${1:-}" = "--run" ]; then
  shift
  exec node --import tsx "$@"
fi
# `bash scripts/test.sh <vitest args>`: only those tests, still with the private keychain.
if [ $# -gt 0 ]; then
  exec "$bin/vitest" run "$@"
fi

# The typecheck runs beside lint and the build (then the scan, which reads the build); lint runs before the build,
# not beside it, because electron-vite writes and deletes a temporary config file in the repository that a running
# lint can find and then fail to read. Each one's output is printed under its heading, in this order, once all have ended.
checks=$(mktemp -d "${TMPDIR:-/tmp}/diwan-checks.XXXXXX")
check() {
  local name=$1; shift
  if "$@" >"$checks/$name" 2>&1; then echo 0 >"$checks/$name.rc"; else echo 1 >"$checks/$name.rc"; fi
}
built() { [ "$(cat "$checks/build.rc")" = 0 ]; }
check typecheck npm run -s typecheck &
{ check lint "$bin/eslint" --max-warnings=0 .; check build "$bin/electron-vite" build --logLevel warn; if built; then check electronegativity node scripts/electronegativity.mjs; fi; } &
wait
failed=0
for name in typecheck lint build electronegativity; do
  case $name in build) step "build (electron-vite)" ;; *) step "$name" ;; esac
  if [ ! -f "$checks/$name.rc" ]; then echo "not run: the build failed"; continue; fi
  if [ $name = electronegativity ] && [ "$(cat "$checks/$name.rc")" = 0 ]; then tail -n 1 "$checks/$name"; else cat "$checks/$name"; fi
  [ "$(cat "$checks/$name.rc")" = 0 ] || failed=1
done
rm -rf "$checks"
[ $failed = 0 ] || exit 1
step "unit, integration and end-to-end tests (vitest)"
mkdir -p test/artifacts
# Every file the tests write goes under one root for this run and stays until the leak scan has searched it.
run_root=$(mktemp -d "${TMPDIR:-/tmp}/diwan-test-run.XXXXXX")
trap 'rm -rf "$run_root"' EXIT
mkdir -p "$run_root/tmp"
status=0
TMPDIR="$run_root/tmp" DIWAN_KEEP_TEST_DATA=1 DIWAN_LEAK_REGISTRY="$run_root/registry.jsonl" \
  "$bin/vitest" run --reporter=default --reporter=json --outputFile.json=test/artifacts/vitest.json || status=$?
node -e '
  const r = require("./test/artifacts/vitest.json");
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
  // A file can fail with no failing test (a hook, an import, an unhandled error): name each one and its first lines
  // here, at the end, where a shortened log still shows them.
  for (const file of r.testResults.filter((f) => f.status === "failed")) {
    console.log(`failed: ${require("path").relative(process.cwd(), file.name)}`);
    const failures = file.assertionResults.filter((a) => a.status === "failed");
    const lines = [file.message, ...failures.map((a) => `${a.fullName}: ${a.failureMessages.join(" ")}`)];
    for (const line of lines.join("\n").split("\n").filter(Boolean).slice(0, 12)) console.log(`  ${line}`);
  }
' || true
step "leak scan of every database, WAL, backup, log and export the tests left"
node scripts/leak-scan.mjs "$run_root/tmp" "$run_root/registry.jsonl" || status=1
exit $status
