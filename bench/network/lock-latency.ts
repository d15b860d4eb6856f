// `npm run bench:network:lock` (root, Linux): how long the console stays open after the default route moves off the
// office network while every interface keeps its address. A real laptop, office and café in network namespaces
// (test/helpers/office-lab.ts), a real beacon, the gate in its own process polling the kernel's routes, neighbours
// and links. Latency = the gate's off-network verdict (which locks the console in the same tick) minus the moment
// just before `ip route replace` ran; both read from performance.timeOrigin + now() on one machine.
import fs from 'node:fs';
import os from 'node:os';
import { linuxNetworkSignals } from '../../main/core/network';
import { labNow, namespacesUnavailable, startOfficeLab } from '../../test/helpers/office-lab';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 50);
const WATCH_MS = Number(process.env.BENCH_WATCH_MS ?? 250);

// The watcher's cost: an hour of ticks (interface list, kernel signals, the policy stamp's stats) back to back.
{
  const ticks = Math.round(3_600_000 / WATCH_MS);
  const signals = linuxNetworkSignals();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ticks; i++) {
    os.networkInterfaces();
    await signals();
    for (const p of ['/etc/diwan/policy.json', '/etc/diwan/policy-signers']) {
      try {
        fs.statSync(p);
      } catch {
        // absent here: the stat's cost is what counts
      }
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;
  console.log(`watcher: ${ticks} ticks (one hour at ${WATCH_MS} ms) cost ${ms.toFixed(0)} ms CPU (${((ms / 3_600_000) * 100).toFixed(3)} % of a core), ${((ms / ticks) * 1000).toFixed(0)} µs per tick`);
}

const unavailable = namespacesUnavailable();
if (unavailable) {
  console.log(`lock latency: not measured, ${unavailable}`);
  process.exit(0);
}

const lab = await startOfficeLab({ watchIntervalMs: WATCH_MS });
try {
  await lab.waitFor((e) => e.state === 'office', 0, 60_000);
  const ms: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const from = lab.events.length;
    const t0 = labNow();
    lab.routeViaCafe();
    const locked = await lab.waitFor((e) => e.state === 'off-network', from);
    ms.push(locked.t - t0);
    const back = lab.events.length;
    lab.routeViaOffice();
    await lab.waitFor((e) => e.state === 'office', back, 60_000);
    // the next change starts from a settled office verdict and a resolved gateway, at a random point of the
    // watcher's period (a fixed pause would always land at the same phase and bias the figures)
    await new Promise((r) => setTimeout(r, WATCH_MS * 2 + Math.random() * WATCH_MS));
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  console.log(`lock latency after a default-route change, ${CHANGES} changes, polling every ${WATCH_MS} ms:`);
  console.log(`  p50 ${q(0.5).toFixed(1)} ms   p99 ${q(0.99).toFixed(1)} ms   max ${ms[ms.length - 1]!.toFixed(1)} ms   min ${ms[0]!.toFixed(1)} ms`);
} finally {
  await lab.close();
}
