/**
 * Masking throughput: Diwan's detector side by side with two peer libraries, in-process, single thread, on the
 * texts of the PII kit's dev set.
 *
 *   node --import tsx bench/masking/run.ts [--gold ../shared/pii/dev.jsonl] [--seconds 3] [--no-peers] [--also DIR]
 *
 * --also adds another checkout's detector (e.g. `--also ../main`, the detector before a change) to the same run.
 *
 * The peers are not project dependencies: the first run installs pinned versions into bench/masking/.peers
 * (git-ignored) with `npm install --no-save --prefix`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectSensitive } from '../../main/core/masking';
import { argv, opt, repo } from './args';

const here = path.dirname(fileURLToPath(import.meta.url));
const peersDir = path.join(here, '.peers');
const PEERS = { redactpii: '@redactpii/node@1.0.17', openredaction: 'openredaction@1.1.5' } as const;

const goldPath = path.resolve(repo, opt('gold') ?? '../shared/pii/dev.jsonl');
const seconds = Number(opt('seconds') ?? 3);
const withPeers = !argv.includes('--no-peers');

if (!existsSync(goldPath)) {
  console.error(`bench: ${goldPath} not found (pass --gold FILE: JSONL with a "text" field per line)`);
  process.exit(2);
}
const texts: string[] = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

interface Result {
  name: string;
  msgsPerSec: number;
  passes: number;
}

interface Library {
  name: string;
  fn: (t: string) => unknown;
  /** CPU microseconds per message, one entry per pass over the texts. */
  passes: number[];
}

/** One pass over the texts; returns its CPU time per message (µs). */
async function pass(fn: (t: string) => unknown): Promise<number> {
  const c0 = process.cpuUsage();
  for (const t of texts) {
    const r = fn(t);
    if (r instanceof Promise) await r;
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / texts.length;
}

/**
 * The libraries take turns, one pass over the texts each, until every one has run for `seconds`; each figure is
 * the median pass, in CPU time. On a shared machine the load changes from second to second: taking turns exposes
 * every library to the same conditions, and CPU time leaves out the waits for a core.
 */
async function measureAll(libs: Library[]): Promise<Result[]> {
  for (const lib of libs) for (let k = 0; k < 3; k++) await pass(lib.fn);
  const spent = new Map<Library, number>(libs.map((l) => [l, 0]));
  while (libs.some((l) => spent.get(l)! < seconds)) {
    for (const lib of libs) {
      if (spent.get(lib)! >= seconds && lib.passes.length >= 5) continue;
      const us = await pass(lib.fn);
      lib.passes.push(us);
      spent.set(lib, spent.get(lib)! + (us * texts.length) / 1e6);
    }
  }
  return libs.map((l) => {
    const sorted = [...l.passes].sort((a, b) => a - b);
    return { name: l.name, msgsPerSec: 1e6 / sorted[Math.floor(sorted.length / 2)]!, passes: sorted.length };
  });
}

function ensurePeers(): void {
  const have = Object.values(PEERS).every((spec) => existsSync(path.join(peersDir, 'node_modules', spec.slice(0, spec.lastIndexOf('@')), 'package.json')));
  if (have) return;
  console.error(`bench: installing ${Object.values(PEERS).join(' ')} into ${path.relative(repo, peersDir)} (once)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', peersDir, ...Object.values(PEERS)], { stdio: 'inherit' });
}

async function loadPeer(pkg: string): Promise<Record<string, unknown>> {
  const req = createRequire(path.join(peersDir, 'package.json'));
  return (await import(pathToFileURL(req.resolve(pkg)).href)) as Record<string, unknown>;
}

type Ctor<T> = new () => T;
const libs: Library[] = [{ name: 'diwan detectSensitive', fn: (t) => detectSensitive(t), passes: [] }];
const also = opt('also');
if (also) {
  const dir = path.resolve(repo, also);
  const other = (await import(pathToFileURL(path.join(dir, 'main/core/masking/index.ts')).href)) as { detectSensitive: (t: string) => unknown };
  libs.push({ name: `diwan detectSensitive (${path.relative(repo, dir)})`, fn: (t) => other.detectSensitive(t), passes: [] });
}
if (withPeers) {
  ensurePeers();
  const rp = await loadPeer('@redactpii/node');
  const Redactor = (rp.Redactor ?? (rp.default as Record<string, unknown>)?.Redactor) as Ctor<{ redact(t: string): string }>;
  const redactor = new Redactor();
  libs.push({ name: `${PEERS.redactpii} redact()`, fn: (t) => redactor.redact(t), passes: [] });
  // The kit's published figure (~190k msgs/s) runs redact() through its adapter, which aligns the redacted text
  // back to spans (what Diwan returns). Measured too when the kit is next to the repository.
  const kitPeer = path.resolve(goldPath, '../peers/_peer.mjs');
  if (existsSync(kitPeer)) {
    const kit = (await import(pathToFileURL(kitPeer).href)) as { spansFromRedacted(o: string, r: string, re: RegExp, typeOf: (m: RegExpMatchArray) => string): unknown };
    const PH = /PHONE_NUMBER|EMAIL_ADDRESS|CREDIT_CARD_NUMBER|US_SOCIAL_SECURITY_NUMBER|PERSON_NAME|DIGITS/g;
    libs.push({ name: `${PEERS.redactpii} redact() + spans (kit adapter)`, fn: (t) => kit.spansFromRedacted(t, redactor.redact(t), PH, (m) => m[0]), passes: [] });
  }
  const or = await loadPeer('openredaction');
  const OpenRedaction = (or.OpenRedaction ?? (or.default as Record<string, unknown>)?.OpenRedaction) as Ctor<{ detect(t: string): unknown }>;
  const shield = new OpenRedaction();
  libs.push({ name: `${PEERS.openredaction} detect()`, fn: (t) => shield.detect(t), passes: [] });
}

const results = await measureAll(libs);
const base = results.find((r) => r.name === `${PEERS.redactpii} redact()`);
console.log(`\n${texts.length} messages from ${path.relative(repo, goldPath)}, ${seconds} s of CPU per library in alternating passes (median pass), Node ${process.version}, single thread\n`);
console.log('| library | msgs/s | vs @redactpii/node |');
console.log('|---|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${Math.round(r.msgsPerSec).toLocaleString('en-US')} | ${base ? (r.msgsPerSec / base.msgsPerSec).toFixed(2) + '×' : '-'} |`);
