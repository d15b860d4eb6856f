// `npm run bench:network`: the office-network gate's verdict latency on loopback and the CPU cost of an hour of
// re-checks. The beacon runs in its own process (`diwan beacon`), as at a site, so the figures are the client's.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NetworkGate, type InterfaceList } from '../../main/core/network';
import { interfacesFingerprint } from '../../main/core/network/interfaces';
import { generateEd25519, loadPolicy, memoryVersionStore, privateKeyFromPem, signPolicyDocument } from '../../main/core/policy';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const clock = { now: () => Date.now() };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-bench-network-'));

const beacon = spawn(
  process.execPath,
  ['--import', 'tsx', 'main/cli/main.ts', 'beacon', '--key-dir', path.join(work, 'beacon'), '--site', 'hq', '--port', '0', '--host', '127.0.0.1'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let out = '';
beacon.stdout!.on('data', (c) => (out += String(c)));
const deadline = Date.now() + 20_000;
while (!/Listening:/.test(out)) {
  if (Date.now() > deadline || beacon.exitCode !== null) throw new Error(`the beacon did not start:\n${out}`);
  await new Promise((r) => setTimeout(r, 50));
}
const url = /Listening:\s+(\S+)/.exec(out)![1]!;
const pin = /Pin:\s+(\S+)/.exec(out)![1]!;
const publicKey = /Public key:\s+(\S+)/.exec(out)![1]!;

try {
  const it = generateEd25519();
  const signersDir = path.join(work, 'signers');
  fs.mkdirSync(signersDir, { mode: 0o755 });
  fs.writeFileSync(path.join(signersDir, 'it.json'), JSON.stringify({ signers: [{ name: 'bench', publicKey: it.publicKey }] }), { mode: 0o644 });
  const policyFile = path.join(work, 'policy.json');
  const now = Date.now();
  const body = {
    version: 1,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 86_400_000).toISOString(),
    sites: [{ id: 'hq', ranges: ['10.20.0.0/16'], beacon: { url, pins: [pin], publicKey } }],
  };
  fs.writeFileSync(policyFile, signPolicyDocument(body, privateKeyFromPem(it.privateKeyPem, 'bench key')));
  const office: InterfaceList = { eth0: [{ address: '10.20.1.5', netmask: '255.255.0.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '10.20.1.5/16' }] };
  const home: InterfaceList = { wlan0: [{ address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: '192.168.1.20/24' }] };
  let ifaces = office;
  const gate = new NetworkGate({
    loadPolicy: () => loadPolicy({ policyFile, signersDir, trustedOwners: [process.getuid?.() ?? 0], versions: memoryVersionStore(), clock }),
    interfaces: () => ifaces,
    dnsSuffixes: async () => [],
    clock,
  });

  const measure = async (n: number) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const v = await gate.evaluate();
      ms.push(performance.now() - t);
      if (v.state !== (ifaces === office ? 'office' : 'off-network')) throw new Error(`unexpected verdict ${v.state}: ${v.reason}`);
    }
    ms.sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
    return { p50: q(0.5), p99: q(0.99), max: ms[ms.length - 1]! };
  };

  await measure(20); // warm-up: JIT, first handshakes
  const cpu0 = process.cpuUsage();
  const officeLat = await measure(RUNS);
  const cpuOffice = process.cpuUsage(cpu0);
  const cpuPerEval = (cpuOffice.user + cpuOffice.system) / 1000 / RUNS;
  ifaces = home;
  await measure(20);
  const homeLat = await measure(RUNS);

  // An hour of re-checks at the default interval (300 s) and at the shortest allowed (30 s), plus the interface
  // watcher's 3,600 one-second polls, run back to back on the real interface list.
  ifaces = office;
  const hour = async (intervalSeconds: number) => {
    const evals = Math.round(3600 / intervalSeconds);
    const c = process.cpuUsage();
    for (let i = 0; i < evals; i++) await gate.evaluate();
    const evalCpu = process.cpuUsage(c);
    const w = process.cpuUsage();
    let fp = '';
    for (let i = 0; i < 3600; i++) fp = interfacesFingerprint(os.networkInterfaces());
    const watchCpu = process.cpuUsage(w);
    if (fp === null) throw new Error('unreachable');
    const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
    return { evals, evalMs: ms(evalCpu), watchMs: ms(watchCpu), total: ms(evalCpu) + ms(watchCpu) };
  };
  const h300 = await hour(300);
  const h30 = await hour(30);

  const f = (n: number) => n.toFixed(2);
  console.log(`office-network gate on loopback (${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version})`);
  console.log(`full verdict, office (policy read + signature check, pre-checks, TLS 1.3 handshake, pin, Ed25519): p50 ${f(officeLat.p50)} ms, p99 ${f(officeLat.p99)} ms, max ${f(officeLat.max)} ms over ${RUNS}`);
  console.log(`verdict, off-network by pre-check (no beacon asked):                               p50 ${f(homeLat.p50)} ms, p99 ${f(homeLat.p99)} ms, max ${f(homeLat.max)} ms over ${RUNS}`);
  console.log(`CPU per full office verdict (client side): ${f(cpuPerEval)} ms`);
  for (const [label, h] of [['300 s (default)', h300], ['30 s (shortest allowed)', h30]] as const) {
    console.log(
      `one hour at interval ${label}: ${h.evals} verdicts ${f(h.evalMs)} ms CPU + 3600 interface polls ${f(h.watchMs)} ms CPU = ${f(h.total)} ms CPU/hour (${((h.total / 3_600_000) * 100).toFixed(4)}% of one core)`,
    );
  }
} finally {
  beacon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
