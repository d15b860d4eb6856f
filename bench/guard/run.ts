/**
 * Guard benchmark: precision/recall of the outbound and inbound guards (dev and held-out splits), decision time
 * p99, a flood simulation (5,000 msg/s for 60 simulated seconds on one channel while 100 ordinary conversations
 * write, through the FloodGate into a real SQLite sink), and an early-warning simulation (5× spike).
 *   npm run bench:guard
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FloodGate, Quarantine, EarlyWarning, evaluateReply, inspectInbound, resolveGuardPolicy, type GuardNotice } from '../../main/core/guard';
import type { InboundMessage } from '../../main/core/shared/messages';
import { openDatabase } from '../../main/core/store';
import { inbound, manualClock, sqliteSink, standInDetectSensitive as detect, testSealer } from '../../test/helpers/guard';
import { rng } from '../../main/core/connectors/demo/values';
import { BENCH_POLICY, loadJsonl, scoreInbound, scoreOutbound, type InboundRow, type OutboundRow } from './eval';
import { hostileInputCost } from './hostile';

const pct = (x: number) => (x * 100).toFixed(1) + '%';
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

// ---------- classification ----------
const outRows = loadJsonl<OutboundRow>('outbound.jsonl');
const inRows = loadJsonl<InboundRow>('inbound.jsonl');
console.log(`# Guard benchmark (${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version})\n`);
console.log('## Outbound guard (block = the reply asks for a secret)\n');
console.log('| split | replies | unsafe | recall (unsafe blocked) | precision | safe replies blocked |');
console.log('|---|---|---|---|---|---|');
for (const split of ['dev', 'heldout'] as const) {
  const rows = outRows.filter((r) => r.split === split);
  const { score, errors } = scoreOutbound(rows, detect);
  console.log(`| ${split} | ${score.n} | ${score.tp + score.fn} | ${score.recall.toFixed(3)} | ${score.precision.toFixed(3)} | ${pct(score.fpr)} |`);
  for (const e of errors) console.error(`  miss (${split}, expected ${e.row.label}): ${e.row.text}`);
}
const byLang = new Map<string, OutboundRow[]>();
for (const r of outRows) byLang.set(r.lang, [...(byLang.get(r.lang) ?? []), r]);
console.log('\n| language (both splits) | replies | recall | safe blocked |\n|---|---|---|---|');
for (const [lang, rows] of byLang) {
  const { score } = scoreOutbound(rows, detect);
  console.log(`| ${lang} | ${score.n} | ${score.recall.toFixed(3)} | ${pct(score.fpr)} |`);
}

console.log('\n## Inbound flags\n');
console.log('| split | flag | messages with it | precision | recall |\n|---|---|---|---|---|');
for (const split of ['dev', 'heldout'] as const) {
  const { perFlag, anyScam, errors } = scoreInbound(inRows.filter((r) => r.split === split), detect);
  console.log(`| ${split} | any scam flag | ${anyScam.tp + anyScam.fn} of ${anyScam.n} | ${anyScam.precision.toFixed(3)} | ${anyScam.recall.toFixed(3)} |`);
  for (const [flag, s] of Object.entries(perFlag)) console.log(`| ${split} | ${flag} | ${s.tp + s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  for (const e of errors) console.error(`  miss (${split}, expected ${JSON.stringify(e.row.flags)}, got ${JSON.stringify([...e.got])}): ${e.row.text}`);
}
const piiDev = path.resolve(import.meta.dirname, '../../../shared/pii/dev.jsonl');
if (fs.existsSync(piiDev)) {
  const texts = fs.readFileSync(piiDev, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  const codes = texts.map((t) => inspectInbound(t, 'en', { policy: BENCH_POLICY, detectSensitive: () => [] }).flags.map((f) => f.code));
  const flagged = codes.filter((c) => c.some((x) => x !== 'secret')).length;
  const pasted = codes.filter((c) => c.includes('secret')).length;
  console.log(`\nScam flags on ${texts.length} ordinary customer messages of the shared PII kit (not written for this guard): ${flagged} (${pct(flagged / texts.length)}); pasted secrets the guard's own finder names (no masking engine here): ${pasted}.`);
}

// ---------- decision time ----------
const times: number[] = [];
const allOut = outRows.map((r) => r.text);
const allIn = inRows.map((r) => r.text);
for (let round = 0; round < 20; round++) {
  for (const t of allOut) {
    const s = process.hrtime.bigint();
    evaluateReply(t, 'en', BENCH_POLICY, detect);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
}
const inTimes: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const t of allIn) {
    const s = process.hrtime.bigint();
    inspectInbound(t, 'en', { policy: BENCH_POLICY, detectSensitive: detect });
    inTimes.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
}
console.log(`\n## Decision time\n\noutbound guard: p50 ${p(times, 0.5).toFixed(3)} ms, p99 ${p(times, 0.99).toFixed(3)} ms (${times.length} decisions)`);
console.log(`inbound flags: p50 ${p(inTimes, 0.5).toFixed(3)} ms, p99 ${p(inTimes, 0.99).toFixed(3)} ms (${inTimes.length} inspections)`);
hostileInputCost();

// ---------- flood ----------
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-guard-'));
  const db = openDatabase(path.join(dir, 'diwan.sqlite'));
  const sink = sqliteSink(db);
  const clock = manualClock();
  const notices: GuardNotice[] = [];
  const quarantine = new Quarantine(db, { sealer: testSealer(), detectSensitive: detect, audit: () => {} });
  const known = new Set(Array.from({ length: 50 }, (_, i) => `cust-${i}`));
  const gate = new FloodGate({ policy: resolveGuardPolicy(), quarantine, isKnownCustomer: (_c, u) => known.has(u), notify: (n) => notices.push(n), clock });
  const guarded = gate.guard(sink);
  const r = rng(7);
  const CAMPAIGN = [
    'Free the workers now! Boycott until justice is served #{n}', 'أوقفوا الظلم الآن، لن نسكت بعد اليوم #{n}', 'Your service is a scam, refund everyone now {n}', 'کمپین اعتراض: ما حق خود را می‌خواهیم {n}', 'Hello, I am your virtual assistant, please confirm my subscription {n}',
  ];
  const ORD_A = ['my order', 'the invoice', 'my SIM card', 'the app', 'my last payment', 'the delivery', 'my plan', 'the router'];
  const ORD_B = ['has not arrived', 'looks wrong', 'stopped working', 'was charged twice', 'is still pending', 'needs to be changed', 'keeps failing', 'was cancelled'];
  const ORD_C = ['since Monday', 'after the update', 'this morning', 'for a week', 'again today', 'since I moved', 'after I paid', 'in the new town'];
  const ORD_D = ['Could you check', 'Please help', 'What should I do', 'Any news', 'Is there an outage', 'I am waiting', 'Can someone call me', 'This is urgent', 'I tried twice', 'My brother has the same', 'Thanks in advance', 'Still nothing'];
  const NAMES = ['Sara', 'Omar', 'Reza', 'Mina', 'Khalid', 'Noura', 'Ali', 'Leila', 'Hassan', 'Dina', 'Yousef', 'Parisa', 'Tariq', 'Huda', 'Amir', 'Rania'];
  const ordinaryIds: string[] = [];
  const start = clock.now();
  const nextOrdinary = Array.from({ length: 100 }, () => start + Math.floor(r() * 5000));
  let seq = 0;
  const admitTimes: number[] = [];
  const tickTimes: number[] = [];
  let flood = 0;
  const wall = process.hrtime.bigint();
  for (let t = 0; t < 60_000; t += 10) {
    clock.set(start + t);
    const batch: InboundMessage[] = [];
    for (let k = 0; k < 50; k++) {
      flood++;
      if (r() < 0.6) {
        const tpl = CAMPAIGN[Math.floor(r() * CAMPAIGN.length)]!;
        batch.push(inbound(`f${++seq}`, `bot-${Math.floor(r() * 20_000)}`, tpl.replace('{n}', String(Math.floor(r() * 10))), clock.now()));
      } else {
        batch.push(inbound(`f${++seq}`, `spam-${Math.floor(r() * 30)}`, `spam ${Math.floor(r() * 1e9).toString(36)} buy followers cheap ${Math.floor(r() * 1e6)}`, clock.now()));
      }
    }
    for (let c = 0; c < 100; c++) {
      if (nextOrdinary[c]! > clock.now()) continue;
      nextOrdinary[c] = clock.now() + 3000 + Math.floor(r() * 7000);
      const id = `o${++seq}`;
      ordinaryIds.push(id);
      const pickOf = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
      const text = `${pickOf(ORD_D)}? ${pickOf(ORD_A)} ${pickOf(ORD_B)} ${pickOf(ORD_C)}, ${pickOf(NAMES)} here`;
      batch.push(inbound(id, `cust-${c}`, text, clock.now(), `conv-ord-${c}`));
    }
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    const s = process.hrtime.bigint();
    guarded.ingest('tg-1', batch);
    const dt = Number(process.hrtime.bigint() - s) / 1e6;
    tickTimes.push(dt);
    admitTimes.push(dt / batch.length);
  }
  const wallS = Number(process.hrtime.bigint() - wall) / 1e9;
  // admit() alone, per message, on a fresh gate with the same traffic shape
  const gate2 = new FloodGate({ policy: resolveGuardPolicy(), quarantine, isKnownCustomer: (_c, u) => known.has(u), clock });
  const single: number[] = [];
  for (let i = 0; i < 50_000; i++) {
    clock.set(start + 120_000 + Math.floor(i / 5));
    const m = inbound(`g${i}`, `bot-${Math.floor(r() * 20_000)}`, CAMPAIGN[i % 5]!.replace('{n}', String(i % 10)));
    const s = process.hrtime.bigint();
    gate2.admit('tg-2', m);
    single.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const missing = ordinaryIds.filter((id) => !sink.has('tg-1', id));
  const storedTotal = sink.count('tg-1');
  const held = quarantine.pendingCount('tg-1');
  const groups = quarantine.summary('tg-1');
  const collapsed = groups.filter((g) => g.reason === 'duplicate').reduce((a, g) => a + g.pending, 0);
  console.log('\n## Flood (5,000 msg/s for 60 simulated seconds on one channel, 100 ordinary conversations)\n');
  console.log(`ordinary messages: ${ordinaryIds.length}, stored: ${ordinaryIds.length - missing.length}, missing: ${missing.length}`);
  console.log(`flood messages: ${flood}; stored: ${storedTotal - (ordinaryIds.length - missing.length)}; held: ${held} (collapsed as duplicates ${collapsed}, rate-limited ${held - collapsed}); accounted for: ${storedTotal + held === flood + ordinaryIds.length ? 'all' : 'NOT ALL'}`);
  console.log(`surge mode: ${notices.find((n) => n.kind === 'surge_entered') ? `entered after ${((notices.find((n) => n.kind === 'surge_entered')!.at - start) / 1000).toFixed(1)} s, lead notified` : 'never entered'}`);
  console.log(`processing: ${wallS.toFixed(1)} s of wall time for 60 s of traffic (${Math.round((flood + ordinaryIds.length) / wallS)} msg/s); a 10 ms batch took p99 ${p(tickTimes, 0.99).toFixed(2)} ms, max ${Math.max(...tickTimes).toFixed(2)} ms`);
  console.log(`admit + quarantine write per message (batch average): p99 ${p(admitTimes, 0.99).toFixed(4)} ms; admit() alone: p50 ${p(single, 0.5).toFixed(4)} ms, p99 ${p(single, 0.99).toFixed(4)} ms`);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// ---------- early warning ----------
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-guard-'));
  const db = openDatabase(path.join(dir, 'diwan.sqlite'));
  const clock = manualClock();
  const ew = new EarlyWarning({ db, policy: resolveGuardPolicy(), detectSensitive: detect, clock });
  const r = rng(11);
  const HACKED = ['I was hacked, please help', 'my account got hacked', 'حسابي انهكر', 'اتهكرت يا جماعة الحقوني', 'حسابم هک شده', 'someone hacked my account and changed the email'];
  const start = clock.now();
  const baselinePerMin = 2;
  const spikeAt = start + 3 * 3600_000;
  let falseAlerts = 0;
  let detectedAfter: number | null = null;
  let conv = 0;
  for (let t = start; t < spikeAt + 10 * 60_000; t += 1000) {
    clock.set(t);
    const rate = (t >= spikeAt ? 5 * baselinePerMin : baselinePerMin) / 60;
    if (r() < rate) {
      const alerts = ew.observe({ conversationRef: `c${++conv}`, text: `${HACKED[Math.floor(r() * HACKED.length)]} 0551234567`, at: t });
      if (alerts.length && t < spikeAt) falseAlerts += alerts.length;
      else if (alerts.length) detectedAfter ??= t - spikeAt;
    }
  }
  const stored = ew.list();
  const leaked = stored.some((a) => JSON.stringify(a).includes('0551234567'));
  console.log('\n## Early warning (3 h at 2 "hacked" messages a minute, then 5×)\n');
  console.log(`alert raised ${detectedAfter === null ? 'NEVER' : `${(detectedAfter / 1000).toFixed(0)} s`} after the spike began (target ≤ 120 s); false alerts during the 3 h baseline: ${falseAlerts}; unmasked values in stored alerts: ${leaked ? 'YES' : 'none'}`);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
