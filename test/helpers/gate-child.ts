// The office-network gate as the console runs it, in its own process inside the lab's laptop namespace
// (test/helpers/office-lab.ts): the real interface list, the kernel's routes, neighbours and links, a signed policy
// in a machine folder, a real beacon. Prints every verdict as a JSON line.
import path from 'node:path';
import { linuxNetworkSignals, NetworkGate, systemInterfaces } from '../../main/core/network';
import { loadPolicy, memoryVersionStore } from '../../main/core/policy';

const machine = process.env.LAB_MACHINE_DIR!;
const clock = { now: () => Date.now() };
const gate = new NetworkGate({
  loadPolicy: () =>
    loadPolicy({
      policyFile: path.join(machine, 'policy.json'),
      signersDir: path.join(machine, 'policy-signers'),
      buildSigners: [],
      trustedOwners: [0],
      versions: memoryVersionStore(),
      clock,
    }),
  interfaces: systemInterfaces,
  signals: linuxNetworkSignals(),
  dnsSuffixes: async () => [],
  clock,
  watchIntervalMs: Number(process.env.LAB_WATCH_MS ?? 250),
  debounceMs: 50,
  audit: (e) => {
    if (e.action !== 'network.verdict') return;
    const d = e.details as Record<string, unknown>;
    const failed = Object.entries(d).find(([k, v]) => k.startsWith('check.') && String(v).startsWith('fail'));
    const code = failed ? String(failed[1]).split(' ')[1]!.replace(/:$/, '') : null;
    process.stdout.write(JSON.stringify({ state: d.state, code, trigger: d.trigger, reason: d.reason, t: performance.timeOrigin + performance.now() }) + '\n');
  },
});
gate.start();
const keepAlive = setInterval(() => {}, 60_000);
process.once('SIGTERM', () => {
  gate.stop();
  clearInterval(keepAlive);
});
