#!/usr/bin/env node
// The suite-wide leak scan, run by scripts/test.sh after vitest on a full run:
//   node scripts/leak-scan.mjs <root of the run's temp files> <registry.jsonl>
// Every file the tests left under the root (databases, WAL and SHM files, backups, logs, exports, CLI output) is
// searched, as raw bytes, for every sensitive value and channel secret the tests registered
// (test/helpers/leak-registry.ts), plus the fixed customer values the suite's fixtures feed through ingest. A secret
// may live only in the OS keychain (the private keyring lives in the test HOME, outside the root); a sensitive
// value only encrypted or masked. Exits 1 and names file and kind (never the value) on any hit.
import fs from 'node:fs';
import path from 'node:path';

const [root, registry] = process.argv.slice(2);
if (!root || !registry) {
  console.error('usage: node scripts/leak-scan.mjs <temp root> <registry.jsonl>');
  process.exit(2);
}

/** Customer values that fixtures across the suite send through the real ingest path. */
const FIXED_VALUES = ['4111 1111 1111 1111', '4111111111111111', 'SA0380000000608010167519', 'SA4420000001234567891234'];
/** Stand-ins that keep originals in clear on purpose (test/helpers/identity.ts `testConversations`), and browser profiles. */
const SKIP = [/[/\\]conversations\.sqlite(-wal|-shm)?$/, /[/\\]playwright[^/\\]*profile[^/\\]*[/\\]/];

const needles = new Map();
for (const v of FIXED_VALUES) needles.set(v, 'value');
if (fs.existsSync(registry)) {
  for (const line of fs.readFileSync(registry, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { kind, value } = JSON.parse(line);
    needles.set(value, kind);
  }
}
const buffers = [...needles].map(([value, kind]) => ({ kind, bytes: Buffer.from(value, 'utf8') }));

// One pass per file instead of one per needle (hundreds of needles over a gigabyte of PostgreSQL data directories took
// many minutes): a bitmap of the needles' first three bytes says where a needle may start; only there are the needles
// with that prefix compared.
const byPrefix = new Map();
const bitmap = new Uint8Array(1 << 21);
const short = [];
for (const n of buffers) {
  if (n.bytes.length < 3) {
    short.push(n);
    continue;
  }
  const key = (n.bytes[0] << 16) | (n.bytes[1] << 8) | n.bytes[2];
  bitmap[key >> 3] |= 1 << (key & 7);
  if (!byPrefix.has(key)) byPrefix.set(key, []);
  byPrefix.get(key).push(n);
}

function kindsIn(data) {
  const kinds = new Set();
  for (const n of short) if (data.indexOf(n.bytes) >= 0) kinds.add(n.kind);
  const end = data.length - 2;
  for (let i = 0; i < end; i++) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    if (!(bitmap[key >> 3] & (1 << (key & 7)))) continue;
    for (const n of byPrefix.get(key)) {
      if (kinds.has(n.kind) || i + n.bytes.length > data.length) continue;
      if (data.compare(n.bytes, 0, n.bytes.length, i, i + n.bytes.length) === 0) kinds.add(n.kind);
    }
  }
  return kinds;
}

function* files(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

const started = Date.now();
let scanned = 0;
let bytes = 0;
const hits = [];
for (const file of files(root)) {
  if (SKIP.some((re) => re.test(file))) continue;
  let data;
  try {
    data = fs.readFileSync(file);
  } catch {
    continue;
  }
  scanned++;
  bytes += data.length;
  const kinds = kindsIn(data);
  for (const kind of kinds) hits.push(`${path.relative(root, file)}: a registered ${kind === 'secret' ? 'channel secret' : 'sensitive value'} in clear`);
}
console.log(
  `leak scan: ${scanned} files (${(bytes / 2 ** 20).toFixed(1)} MB) searched for ${needles.size} registered values and secrets in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    (hits.length ? `${hits.length} leak(s)` : 'none found'),
);
for (const h of hits.slice(0, 50)) console.log(`  LEAK ${h}`);
process.exit(hits.length ? 1 : 0);
