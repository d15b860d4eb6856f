/**
 * Team hub benchmark: two hub nodes (`diwan hub run`, separate processes) on one PostgreSQL, behind the tests' TCP
 * load balancer, with hundreds of simulated consoles (bench/hub/consoles.ts, in a few worker processes).
 *
 *   npm run bench:hub -- [--consoles 500] [--workers 2] [--rate 50] [--seconds 60] [--failover-seconds 12]
 *                        [--ingest-messages 3000] [--batch 50] [--lb haproxy|process|in-process]
 *                        [--profile-nodes DIR] [--window-ms N] [--shared-agent N] [--ingest-only]
 *
 * It prints: delivery latency at the hub's steady rate (customer message at the hub → every console), the ingest
 * rate with masking and sealing beside plain INSERTs of the same rows, the time consoles of a SIGKILLed node take
 * to stream again from the other node (with a lost/duplicated check), and resident memory per connected console.
 * Inbound messages are injected at the hub's store (HubStore.ingest of OriginalsSealer-prepared messages, as the
 * lease holder's connector does), not through a platform emulator. Everything runs on 127.0.0.1 and stops itself.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InboundMessage } from '../../main/core/shared/messages';
import { hashToken } from '../../main/hub/accounts';
import { generateSealingKey } from '../../main/core/custody';
import { OriginalsSealer, type SealingKeySource } from '../../main/hub/sealing';
import { CustodianProcess } from '../../test/hub/custody-fixture';
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { STREAM_WINDOW_MS } from '../../main/hub/config';
import { startTestPostgres, type TestPostgres } from '../../test/helpers/postgres';
import { HaproxyBalancer, type Balancer } from '../../test/hub/load-balancer';
import { freePort, hubFiles, LoadBalancer, LoadBalancerProcess, NodeProcess, nodeConfig, PASSWORD, pinnedGet, seedHub, until } from '../../test/hub/harness';
import { HIST_MS, type ConsoleSpec, type ToWorker, type WorkerReport } from './consoles';
import { rawInsert, sampleMessages } from './rows';
import { cpuBetween, cpuSnapshot, type CpuSnapshot } from './cpu';
import { describeTimes, timedExecutor } from './timed-executor';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (k: string, d: number) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? Number(argv[i + 1]) : d;
};
const CONSOLES = opt('consoles', 500);
const WORKERS = opt('workers', 2);
const RATE = opt('rate', 50);
const SECONDS = opt('seconds', 60);
const FAILOVER_SECONDS = opt('failover-seconds', 12);
const INGEST_MESSAGES = opt('ingest-messages', 3000);
const BATCH = opt('batch', 50);
const SIGN_INS = opt('sign-ins', 40);
/** Only part 3, the ingest share (about a minute, no nodes or consoles). */
const INGEST_ONLY = argv.includes('--ingest-only');
// The nodes' fan-out window (`stream.windowMs`); without the flag, the hub's default.
// Each console has its own pinned agent, as a real console's HubClient does (from run AA). `--shared-agent N` gives each
// worker's consoles one agent of N connections instead, as runs A–Z did (16; `--worker-connections` then): a
// WebSocket's upgrade holds a connection from TCP connect to the 101, so at most N of a worker's consoles reconnected
// at once.
const SHARED_AGENT = argv.includes('--shared-agent') ? opt('shared-agent', 16) : null;
const WINDOW_MS = argv.includes('--window-ms') ? opt('window-ms', 0) : null;
// The load balancer: Debian's HAProxy with the IT guide's configuration (`haproxy`, from run AC; the Node balancer in its
// own process when HAProxy is not installed), the tests' Node balancer in its own process (`process`, runs H–AB) or
// inside this coordinator, which also injects the traffic (`in-process`, runs A–G).
const haproxyInstalled = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim() !== '';
const LB_ASKED = argv.includes('--lb') ? argv[argv.indexOf('--lb') + 1] : 'process';
const LB_MODE = LB_ASKED === 'haproxy' && !haproxyInstalled ? 'process' : LB_ASKED;
// `--profile-nodes DIR`: each hub node writes a V8 CPU profile there when it stops (the SIGKILLed node writes none).
const PROFILE_DIR = argv.includes('--profile-nodes') ? path.resolve(argv[argv.indexOf('--profile-nodes') + 1] ?? '.') : null;
if (LB_MODE !== 'haproxy' && LB_MODE !== 'process' && LB_MODE !== 'in-process') throw new Error(`--lb takes "haproxy", "process" or "in-process", not "${LB_MODE}"`);
const USERS = 10;
const GOALS = { p99Ms: 250, ingestShare: 0.5, reconnectMs: 5_000 };

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const pctMs = (hist: number[], p: number) => {
  const total = hist.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let ms = 0; ms < hist.length; ms++) {
    acc += hist[ms]!;
    if (acc >= (p / 100) * total) return ms;
  }
  return HIST_MS;
};
const pct = (hist: number[], p: number) => (pctMs(hist, p) >= HIST_MS ? `≥ ${HIST_MS}` : String(pctMs(hist, p)));
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** A worker process and its IPC: one outstanding request at a time. */
class WorkerProc {
  readonly child: ChildProcess;
  private waiting: ((m: { type: string; report?: WorkerReport; message?: string }) => void) | null = null;

  constructor() {
    this.child = fork(path.join(here, 'consoles.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { type: string; report?: WorkerReport; message?: string }) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
  }

  ask(m: ToWorker): Promise<{ type: string; report?: WorkerReport; message?: string }> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.child.send(m);
    });
  }
}

async function rssOf(port: number, pin: string): Promise<number> {
  const r = await pinnedGet(`https://127.0.0.1:${port}/metrics`, pin);
  const m = /^diwan_hub_resident_bytes(?:\{[^}]*\})? (\d+)/m.exec(r.body);
  if (!m) throw new Error('the node\'s /metrics has no diwan_hub_resident_bytes');
  return Number(m[1]);
}

/** The node's stream-opening phases (sum and count of seconds) and event-loop delay, from its /metrics. */
async function streamPhases(port: number, pin: string): Promise<string> {
  const body = (await pinnedGet(`https://127.0.0.1:${port}/metrics`, pin)).body;
  const read = (name: string, label: string) => Number(new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} ([\\d.]+)`, 'm').exec(body)?.[1] ?? NaN);
  const phases = ['tls', 'request', 'authenticate', 'upgrade'].map((ph) => {
    const sum = read('diwan_hub_stream_open_seconds_sum', `phase="${ph}"`);
    const n = read('diwan_hub_stream_open_seconds_count', `phase="${ph}"`);
    return `${ph} ${n ? ((sum / n) * 1000).toFixed(0) : 'n/a'} ms mean (${n})`;
  });
  const loop = `event-loop delay p99 ${(read('diwan_hub_event_loop_delay_seconds', 'quantile="0.99"') * 1000).toFixed(0)} ms, max ${(read('diwan_hub_event_loop_delay_seconds', 'quantile="1"') * 1000).toFixed(0)} ms`;
  const resumed = read('diwan_hub_tls_resumed_total', 'node=');
  return `${phases.join(', ')}; ${resumed} TLS sessions resumed; ${loop}`;
}

async function health(port: number, pin: string): Promise<{ consoles: number; eventSeq: number }> {
  return JSON.parse((await pinnedGet(`https://127.0.0.1:${port}/healthz`, pin)).body) as { consoles: number; eventSeq: number };
}

/**
 * Customers' messages arrive at the hub at `rate` per second; like a channel's connector under its lease, one loop
 * stores whatever has arrived since its last call as one batch (one message at a time while it keeps up). Each
 * message's `sentAt` is its arrival time, so "arrival → console" includes any wait for the batch.
 */
async function inject(store: HubStore, sealer: OriginalsSealer, msgs: InboundMessage[], rate: number, onBatch?: (from: number) => void) {
  const start = Date.now();
  const arrival = (i: number) => Math.round(start + (i * 1000) / rate);
  let next = 0;
  let batches = 0;
  let maxBatch = 0;
  while (next < msgs.length) {
    const arrived = Math.min(msgs.length, Math.floor(((Date.now() - start) * rate) / 1000) + 1);
    if (arrived <= next) {
      await new Promise((r) => setTimeout(r, Math.max(1, arrival(next) - Date.now())));
      continue;
    }
    onBatch?.(next);
    const batch = msgs.slice(next, arrived).map((m, k) => sealer.prepare({ ...m, sentAt: arrival(next + k) }));
    next = arrived;
    await store.ingest('tg', batch);
    batches++;
    maxBatch = Math.max(maxBatch, batch.length);
  }
  return { seconds: (Date.now() - start) / 1000, batches, maxBatch };
}

async function ingestBench(pg: TestPostgres, key: SealingKeySource): Promise<void> {
  const url = await pg.newDatabase();
  const base = postgresExecutor({ connectionString: url, max: 4 });
  const timed = timedExecutor(base);
  const store = new HubStore(timed.q, Date.now);
  const rawStore = new HubStore(base, Date.now);
  await rawStore.migrate();
  const it = { actor: 'it:bench' };
  for (const id of ['hub', 'raw']) await rawStore.saveChannel({ id, kind: 'telegram', name: id, enabled: false, config: {} }, it);
  const sealer = new OriginalsSealer('acme', key, null);
  const msgs = sampleMessages(INGEST_MESSAGES, 'ingest');
  const batches: InboundMessage[][] = [];
  for (let i = 0; i < msgs.length; i += BATCH) batches.push(msgs.slice(i, i + BATCH));

  // The raw limit's rows: the same messages, masked and sealed beforehand (outside the clock). Raw and hub batches
  // alternate so both see the tables at the same size.
  const rawRows = batches.map((b, bi) =>
    b.map((m, i) => {
      const p = sealer.prepare(m);
      return { m, p, sealed: p.seal(bi * BATCH + i + 1) };
    }),
  );
  let rawMs = 0;
  let hubMs = 0;
  let rawCpu = 0;
  let hubCpu = 0;
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (const [bi, b] of batches.entries()) {
    const c0 = cpuMs();
    const t0 = performance.now();
    await rawInsert(rawStore, 'raw', rawRows[bi]!);
    const t1 = performance.now();
    const c1 = cpuMs();
    await store.ingest('hub', b.map((m) => sealer.prepare(m)));
    rawMs += t1 - t0;
    hubMs += performance.now() - t1;
    rawCpu += c1 - c0;
    hubCpu += cpuMs() - c1;
  }

  const counts = await rawStore.q.get<{ hub: number; raw: number }>(
    "SELECT COUNT(*) FILTER (WHERE channel_id = 'hub')::int AS hub, COUNT(*) FILTER (WHERE channel_id = 'raw')::int AS raw FROM messages",
  );
  if (counts?.hub !== msgs.length || counts.raw !== msgs.length) throw new Error(`ingest bench stored ${JSON.stringify(counts)} of ${msgs.length}`);
  const hubRate = (msgs.length / hubMs) * 1000;
  const rawRate = (msgs.length / rawMs) * 1000;
  console.log(`\n3. Ingest into PostgreSQL (${msgs.length} messages in batches of ${BATCH}, one transaction per batch; load ${load()})`);
  console.log(`   HubStore.ingest with masking + sealing:   ${hubRate.toFixed(0)} msg/s (${hubMs.toFixed(0)} ms)`);
  console.log(`   plain multi-row INSERTs of the same rows: ${rawRate.toFixed(0)} msg/s (${rawMs.toFixed(0)} ms) — the raw limit`);
  console.log(`   share of the limit: ${((hubRate / rawRate) * 100).toFixed(0)} % (goal ≥ ${GOALS.ingestShare * 100} %: ${met(hubRate / rawRate >= GOALS.ingestShare)})`);
  console.log(`   this process's CPU (masking, sealing, the driver): ingest ${hubCpu.toFixed(0)} ms, plain INSERTs ${rawCpu.toFixed(0)} ms`);

  // Where the hub's time goes: masking and sealing alone, without the database.
  const t2 = performance.now();
  for (const [i, m] of msgs.entries()) sealer.prepare(m).seal(i + 1);
  const aloneMs = performance.now() - t2;
  console.log(`   of which masking + sealing alone (no database): ${aloneMs.toFixed(0)} ms (${((msgs.length / aloneMs) * 1000).toFixed(0)} msg/s)`);
  console.log(`   where HubStore.ingest's database time goes:`);
  for (const line of describeTimes(timed.times, msgs.length)) console.log(`     ${line}`);
  await rawStore.close();
}

/** This bench's processes, by what they do (for the CPU split). */
function cpuGroups(now: CpuSnapshot, pgPort: string, hubDir: string, workers: WorkerProc[], lbPid: number | undefined) {
  const postmaster = [...now.procs].find(([, p]) => /postgres/.test(p.cmd) && p.cmd.includes(`-p ${pgPort} `))?.[0] ?? -1;
  return {
    'hub nodes': (_: number, p: { cmd: string }) => p.cmd.includes(hubDir),
    PostgreSQL: (pid: number, p: { ppid: number }) => postmaster > 0 && (pid === postmaster || p.ppid === postmaster),
    'console workers': (pid: number) => workers.some((w) => w.child.pid === pid),
    'load balancer (own process)': (pid: number) => pid === lbPid,
    [LB_MODE !== 'in-process' ? 'injector (this process: masking, sealing, ingest calls)' : 'injector + load balancer (this process)']: (pid: number) => pid === process.pid,
  };
}

async function main() {
  const started = Date.now();
  console.log(`Team hub bench: ${CONSOLES} consoles in ${WORKERS} worker processes, 2 hub nodes (fan-out window ${WINDOW_MS ?? STREAM_WINDOW_MS} ms), 1 PostgreSQL, ${SHARED_AGENT ? `one agent of ${SHARED_AGENT} connections per worker` : 'an agent per console'}, load balancer ${LB_MODE === 'haproxy' ? 'HAProxy (the IT guide\'s configuration)' : LB_MODE === 'process' ? `the Node balancer in its own process${LB_ASKED === 'haproxy' ? ' (HAProxy is not installed)' : ''}` : 'inside this coordinator'}; ${os.cpus().length} CPUs; load ${load()}`);
  const pg = await startTestPostgres();
  const files = await hubFiles();
  // The injector seals as a hub does, to the team's public key (a key pair of its own: nothing here is revealed).
  const sealing = generateSealingKey(1);
  const key: SealingKeySource = () => sealing;
  const custodian = new CustodianProcess(files.custody);
  const nodes: NodeProcess[] = [];
  const workers: WorkerProc[] = [];
  let lb: Balancer | null = null;
  let seed: Awaited<ReturnType<typeof seedHub>> | null = null;
  try {
    await ingestBench(pg, key);
    if (INGEST_ONLY) return;

    const users = Array.from({ length: USERS }, (_, i) => ({ username: `agent${i}`, role: (i % 5 === 4 ? 'lead' : 'agent') as 'agent' | 'lead' }));
    seed = await seedHub(pg.url, { users });
    await seed.store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support bot', enabled: false, config: {} }, { actor: 'it:bench' });
    const specs: ConsoleSpec[] = [];
    for (let i = 0; i < CONSOLES; i++) {
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
      const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
      const fingerprint = crypto.createHash('sha256').update(raw).digest('hex');
      await seed.store.enrolDevice({ fingerprint, publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(), label: `bench-${i}` }, { actor: 'it:bench' });
      const username = users[i % USERS]!.username;
      // Beyond the first SIGN_INS consoles, sessions are written as the hub writes them after a sign-in (argon2 per
      // sign-in would take the run past its time budget on a shared machine); the stream checks them the same way.
      let token: string | undefined;
      if (i >= SIGN_INS) {
        token = crypto.randomBytes(32).toString('base64url');
        await seed.store.createSession({ tokenHash: hashToken(token), userId: seed.ids[username]!, device: fingerprint, stage: 'full', expiresAt: Date.now() + 3_600_000 });
      }
      specs.push({ username, password: PASSWORD, fingerprint, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), token });
    }

    await custodian.start();
    const ports = [await freePort(), await freePort()];
    for (const [i, port] of ports.entries()) nodes.push(new NodeProcess(nodeConfig(files, { nodeId: `node-${i + 1}`, pgUrl: pg.url, port, extra: { stream: { windowMs: WINDOW_MS ?? STREAM_WINDOW_MS } } }), port, files.credentials, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []));
    await Promise.all(nodes.map((n) => n.start()));
    lb = LB_MODE === 'haproxy' ? new HaproxyBalancer([ports[0]!, ports[1]!], files.certFile) : LB_MODE === 'process' ? new LoadBalancerProcess(ports) : new LoadBalancer(ports);
    await lb.start();
    const lbPid = lb.pid;
    await new Promise((r) => setTimeout(r, 2_000));
    const rssBefore = await Promise.all(ports.map((p) => rssOf(p, files.pin)));

    const tConnect = Date.now();
    for (let w = 0; w < WORKERS; w++) workers.push(new WorkerProc());
    const replies = await Promise.all(
      workers.map((w, i) => w.ask({ type: 'start', url: lb!.url, pin: files.pin, consoles: specs.filter((_, n) => n % WORKERS === i), concurrency: 8, sharedAgent: SHARED_AGENT })),
    );
    const failed = replies.find((r) => r.type !== 'ready');
    if (failed) throw new Error(`a console worker failed: ${failed.message}`);
    const connectMs = Date.now() - tConnect;
    await new Promise((r) => setTimeout(r, 3_000));
    const split = await Promise.all(ports.map((p) => health(p, files.pin)));
    const rssAfter = await Promise.all(ports.map((p) => rssOf(p, files.pin)));
    console.log(`\n   ${CONSOLES} consoles signed in and streaming in ${(connectMs / 1000).toFixed(1)} s; per node: ${split.map((h) => h.consoles).join(' + ')}`);

    // 2. Steady traffic.
    const steadyMsgs = sampleMessages(RATE * SECONDS, 'steady');
    const steadyTimed = timedExecutor(seed.store.q);
    for (const w of workers) await w.ask({ type: 'steady' });
    const cpuBefore = cpuSnapshot();
    const tSteady = Date.now();
    const steady = await inject(new HubStore(steadyTimed.q, Date.now), new OriginalsSealer('acme', key, null), steadyMsgs, RATE);
    await new Promise((r) => setTimeout(r, 3_000));
    const boundary = Date.now();
    const cpuAfter = cpuSnapshot();
    const cpu = cpuBetween(cpuBefore, cpuAfter, cpuGroups(cpuAfter, new URL(pg.url).port, files.dir, workers, lbPid));
    const steadyWallS = (boundary - tSteady) / 1000;
    for (const w of workers) await w.ask({ type: 'phase', steadyBefore: boundary });
    console.log(`   steady phase: ${steadyMsgs.length} messages arrived over ${SECONDS} s, stored in ${steady.seconds.toFixed(1)} s in ${steady.batches} ingest batches (largest ${steady.maxBatch})`);

    // 4. Failover: traffic flows, node-1 is killed a third of the way in.
    const victim = nodes[0]!;
    const onVictim = split[0]!.consoles;
    const failoverMsgs = sampleMessages(RATE * FAILOVER_SECONDS, 'failover');
    const phasesBefore = await streamPhases(ports[1]!, files.pin);
    const cpuBeforeKill = cpuSnapshot();
    let killAt = 0;
    await inject(seed.store, new OriginalsSealer('acme', key, null), failoverMsgs, RATE, (from) => {
      if (!killAt && from >= Math.floor(failoverMsgs.length / 3)) {
        killAt = Date.now();
        for (const w of workers) w.child.send({ type: 'mark-kill', at: killAt } satisfies ToWorker);
        victim.kill();
      }
    });
    await until(async () => (await health(ports[1]!, files.pin)).consoles >= CONSOLES, 'every console to stream from the surviving node', 60_000).catch(() => null);
    const cpuAfterKill = cpuSnapshot();
    const failoverCpu = cpuBetween(cpuBeforeKill, cpuAfterKill, cpuGroups(cpuAfterKill, new URL(pg.url).port, files.dir, workers, lbPid));
    const phasesAfter = await streamPhases(ports[1]!, files.pin);
    await new Promise((r) => setTimeout(r, 3_000));

    // 1-2, 4. Reports.
    const expected = (await seed.store.q.all<{ seq: number }>("SELECT seq FROM events WHERE kind = 'message.added' ORDER BY seq")).map((r) => r.seq);
    const reports: WorkerReport[] = [];
    for (const w of workers) {
      const r = await w.ask({ type: 'report', expected });
      if (!r.report) throw new Error(`a console worker answered ${r.type} instead of its report`);
      reports.push(r.report);
    }
    const fromCommit = new Array<number>(HIST_MS + 1).fill(0);
    const fromInject = new Array<number>(HIST_MS + 1).fill(0);
    for (const r of reports) {
      for (let i = 0; i <= HIST_MS; i++) {
        fromCommit[i]! += r.fromCommit[i]!;
        fromInject[i]! += r.fromInject[i]!;
      }
    }
    const pairs = fromCommit.reduce((a, b) => a + b, 0);
    console.log(`\n1-2. Delivery, steady phase (${steadyMsgs.length} messages at ${RATE}/s × ${CONSOLES} consoles = ${pairs} (message, console) pairs received of ${steadyMsgs.length * CONSOLES}; load ${load()})`);
    console.log(`   arrival at the hub (before masking, sealing, commit) → console: p50 ${pct(fromInject, 50)} ms, p99 ${pct(fromInject, 99)} ms, max ${pct(fromInject, 100)} ms (goal p99 ≤ ${GOALS.p99Ms} ms: ${met(pctMs(fromInject, 99) <= GOALS.p99Ms)})`);
    console.log(`   event row written (\`at\`, inside the ingest transaction) → console: p50 ${pct(fromCommit, 50)} ms, p99 ${pct(fromCommit, 99)} ms, max ${pct(fromCommit, 100)} ms`);

    console.log(`   where the steady phase's ingest time goes (database side):`);
    for (const line of describeTimes(steadyTimed.times, steadyMsgs.length)) console.log(`     ${line}`);
    const ours = Object.values(cpu.groups).reduce((a, b) => a + b, 0);
    console.log(`   CPU over the steady phase (${steadyWallS.toFixed(0)} s wall × ${os.cpus().length} CPUs = ${(steadyWallS * os.cpus().length).toFixed(0)} CPU-s): machine busy ${cpu.machine.toFixed(0)} CPU-s, of which`);
    console.log(`     ${Object.entries(cpu.groups).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; other work on the machine ${(cpu.machine - ours).toFixed(0)}`);
    const steadyFrames = reports.reduce((a, r) => a + r.steadyFrames, 0);
    console.log(`   frames received over the steady phase: ${steadyFrames} (${(steadyFrames / CONSOLES).toFixed(0)} per console, ${(pairs / steadyFrames).toFixed(2)} messages per frame; ${steady.batches} ingest batches)`);
    const perPair = (group: string) => (cpu.groups[group] ?? 0) / pairs * 1e6;
    console.log(`   CPU per (message, console) delivered: hub nodes ${perPair('hub nodes').toFixed(1)} µs, load balancer ${perPair('load balancer (own process)').toFixed(1)} µs, console workers ${perPair('console workers').toFixed(1)} µs`);
    console.log(`   hub-node CPU per frame received: ${((cpu.groups['hub nodes']! / steadyFrames) * 1e6).toFixed(0)} µs (per ingest batch × console, as runs A–O: ${((cpu.groups['hub nodes']! / (steady.batches * CONSOLES)) * 1e6).toFixed(0)} µs)`);
    if (lbPid !== undefined) console.log(`   load-balancer CPU per frame received: ${((cpu.groups['load balancer (own process)']! / steadyFrames) * 1e6).toFixed(1)} µs`);
    const signIns = reports.flatMap((r) => r.signInMs).sort((a, b) => a - b);
    if (signIns.length) console.log(`   protocol sign-ins (${signIns.length}, ${WORKERS * 8} at a time): median ${signIns[Math.floor(signIns.length / 2)]!.toFixed(0)} ms, max ${signIns.at(-1)!.toFixed(0)} ms`);

    const reconnects = reports.flatMap((r) => r.reconnects);
    const back = reconnects.filter((r) => r.firstFrameAt !== null).map((r) => r.firstFrameAt! - killAt).sort((a, b) => a - b);
    const opened = reconnects.filter((r) => r.openedAt !== null).map((r) => r.openedAt! - killAt).sort((a, b) => a - b);
    const missing = reports.flatMap((r) => r.missing);
    const duplicated = reports.flatMap((r) => r.duplicated);
    const allBack = back.length ? back[back.length - 1]! : Number.NaN;
    console.log(`\n4. Node killed (SIGKILL) during ${RATE} msg/s; ${onVictim} consoles were on it, ${reconnects.length} saw their stream drop`);
    console.log(`   stream open again on the other node: median ${opened[Math.floor(opened.length / 2)] ?? 'n/a'} ms, all ${opened.at(-1) ?? 'n/a'} ms after the kill`);
    console.log(`   first frame from the other node:     median ${back[Math.floor(back.length / 2)] ?? 'n/a'} ms, all ${allBack} ms (${back.length}/${reconnects.length}) (goal ≤ ${GOALS.reconnectMs} ms: ${met(back.length === reconnects.length && allBack <= GOALS.reconnectMs)})`);
    const noticed = reconnects.map((r) => r.closedAt - killAt).sort((a, b) => a - b);
    const reopening = reconnects.filter((r) => r.openedAt !== null).map((r) => r.openedAt! - r.closedAt).sort((a, b) => a - b);
    console.log(`   drop noticed: median ${noticed[Math.floor(noticed.length / 2)] ?? 'n/a'} ms, last ${noticed.at(-1) ?? 'n/a'} ms after the kill; drop → open again: median ${reopening[Math.floor(reopening.length / 2)] ?? 'n/a'} ms, max ${reopening.at(-1) ?? 'n/a'} ms`);
    const waited = reconnects.filter((r) => r.openedAt !== null && r.lastAttemptAt !== null).map((r) => r.lastAttemptAt! - r.closedAt).sort((a, b) => a - b);
    const lasted = reconnects.filter((r) => r.openedAt !== null && r.lastAttemptAt !== null).map((r) => r.openedAt! - r.lastAttemptAt!).sort((a, b) => a - b);
    console.log(`   of which before the attempt that opened (back-off, failed attempts): median ${waited[Math.floor(waited.length / 2)] ?? 'n/a'} ms, max ${waited.at(-1) ?? 'n/a'} ms; that attempt (WebSocket created → open): median ${lasted[Math.floor(lasted.length / 2)] ?? 'n/a'} ms, max ${lasted.at(-1) ?? 'n/a'} ms`);
    const attempts = reconnects.map((r) => r.attempts).sort((a, b) => a - b);
    console.log(`   connection attempts per console until it streamed again (full jitter over 250 ms doubling to 5 s): median ${attempts[Math.floor(attempts.length / 2)] ?? 'n/a'}, max ${attempts.at(-1) ?? 'n/a'}`);
    if (lb instanceof HaproxyBalancer) console.log(`   HAProxy took a node out ${lb.downs} times (its health checks; the killed node is one)`);
    console.log(`   surviving node's stream openings, before the kill: ${phasesBefore}`);
    console.log(`                                    after the moves: ${phasesAfter}`);
    const failoverOurs = Object.values(failoverCpu.groups).reduce((a, b) => a + b, 0);
    console.log(`   CPU from the traffic's start to every console back: machine busy ${failoverCpu.machine.toFixed(0)} CPU-s, of which ${Object.entries(failoverCpu.groups).map(([k, v]) => `${k.split(' (')[0]} ${v.toFixed(1)}`).join(', ')}; other work ${(failoverCpu.machine - failoverOurs).toFixed(0)}`);
    const lost = missing.reduce((a, b) => a + b, 0);
    const dup = duplicated.reduce((a, b) => a + b, 0);
    console.log(`   ${expected.length} messages × ${missing.length} consoles: ${lost} (message, console) pairs missing, ${dup} received twice (consoles with a loss: ${missing.filter((n) => n > 0).length})`);

    console.log(`\n5. Memory at the hub (node RSS from /metrics, before and after its consoles connected)`);
    for (const [i, h] of split.entries()) {
      const delta = rssAfter[i]! - rssBefore[i]!;
      console.log(`   node-${i + 1}: ${(rssBefore[i]! / 2 ** 20).toFixed(0)} MiB → ${(rssAfter[i]! / 2 ** 20).toFixed(0)} MiB with ${h.consoles} consoles: ${h.consoles ? (delta / h.consoles / 1024).toFixed(0) : 'n/a'} KiB per console`);
    }
    console.log(`\nfinished in ${((Date.now() - started) / 1000).toFixed(0)} s; load ${load()}`);
  } finally {
    for (const w of workers) {
      w.child.send({ type: 'stop' } satisfies ToWorker);
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const w of workers) if (w.child.exitCode === null) w.child.kill();
    for (const n of nodes) await n.stop().catch(() => n.kill());
    await custodian.stop();
    await lb?.close();
    await seed?.store.close();
    await pg.destroy();
    fs.rmSync(files.dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
