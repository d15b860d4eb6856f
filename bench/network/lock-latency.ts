// `npm run bench:network:lock` (root, Linux): how long the console stays open after the default route moves off the
// office network while every interface keeps its address. A real laptop, office and café in network namespaces
// (test/helpers/office-lab.ts), a real beacon, the gate in its own process polling the kernel's routes, neighbours
// and links. Latency = the gate's off-network verdict (which locks the console in the same tick) minus the moment
// just before `ip route replace` ran; both read from performance.timeOrigin + now() on one machine.
import { labNow, namespacesUnavailable, startOfficeLab } from '../../test/helpers/office-lab';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 50);
const WATCH_MS = Number(process.env.BENCH_WATCH_MS ?? 250);

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
    // the next change starts from a settled office verdict and a resolved gateway
    await new Promise((r) => setTimeout(r, WATCH_MS * 2));
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  console.log(`lock latency after a default-route change, ${CHANGES} changes, polling every ${WATCH_MS} ms:`);
  console.log(`  p50 ${q(0.5).toFixed(1)} ms   p99 ${q(0.99).toFixed(1)} ms   max ${ms[ms.length - 1]!.toFixed(1)} ms   min ${ms[0]!.toFixed(1)} ms`);
} finally {
  await lab.close();
}
