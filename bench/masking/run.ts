/**
 * Masking throughput: Diwan's detector side by side with two peer libraries, in-process, single thread, on the
 * texts of the PII kit's dev set.
 *
 *   node --import tsx bench/masking/run.ts [--gold ../shared/pii/dev.jsonl] [--seconds 3] [--no-peers]
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

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const peersDir = path.join(here, '.peers');
const PEERS = { redactpii: '@redactpii/node@1.0.17', openredaction: 'openredaction@1.1.5' } as const;

const argv = process.argv.slice(2);
const opt = (k: string): string | undefined => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
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

async function measure(name: string, fn: (t: string) => unknown): Promise<Result> {
  for (let k = 0; k < 3; k++) for (const t of texts) await fn(t);
  let n = 0;
  let passes = 0;
  const t0 = process.hrtime.bigint();
  let secs: number;
  do {
    for (const t of texts) {
      const r = fn(t);
      if (r instanceof Promise) await r;
      n++;
    }
    passes++;
    secs = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (secs < seconds);
  return { name, msgsPerSec: n / secs, passes };
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
const results: Result[] = [];
results.push(await measure('diwan detectSensitive', (t) => detectSensitive(t)));
if (withPeers) {
  ensurePeers();
  const rp = await loadPeer('@redactpii/node');
  const Redactor = (rp.Redactor ?? (rp.default as Record<string, unknown>)?.Redactor) as Ctor<{ redact(t: string): string }>;
  const redactor = new Redactor();
  results.push(await measure(`${PEERS.redactpii} redact()`, (t) => redactor.redact(t)));
  // The kit's published figure (~190k msgs/s) runs redact() through its adapter, which aligns the redacted text
  // back to spans (what Diwan returns). Measured too when the kit is next to the repository.
  const kitPeer = path.resolve(goldPath, '../peers/_peer.mjs');
  if (existsSync(kitPeer)) {
    const kit = (await import(pathToFileURL(kitPeer).href)) as { spansFromRedacted(o: string, r: string, re: RegExp, typeOf: (m: RegExpMatchArray) => string): unknown };
    const PH = /PHONE_NUMBER|EMAIL_ADDRESS|CREDIT_CARD_NUMBER|US_SOCIAL_SECURITY_NUMBER|PERSON_NAME|DIGITS/g;
    results.push(await measure(`${PEERS.redactpii} redact() + spans (kit adapter)`, (t) => kit.spansFromRedacted(t, redactor.redact(t), PH, (m) => m[0])));
  }
  const or = await loadPeer('openredaction');
  const OpenRedaction = (or.OpenRedaction ?? (or.default as Record<string, unknown>)?.OpenRedaction) as Ctor<{ detect(t: string): unknown }>;
  const shield = new OpenRedaction();
  results.push(await measure(`${PEERS.openredaction} detect()`, (t) => shield.detect(t)));
}

const base = results.find((r) => r.name === `${PEERS.redactpii} redact()`);
console.log(`\n${texts.length} messages from ${path.relative(repo, goldPath)}, ${seconds}s per library, Node ${process.version}, single thread\n`);
console.log('| library | msgs/s | vs @redactpii/node |');
console.log('|---|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${Math.round(r.msgsPerSec).toLocaleString('en-US')} | ${base ? (r.msgsPerSec / base.msgsPerSec).toFixed(2) + '×' : '-'} |`);
