import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespacesUnavailable, startOfficeLab, type OfficeLab } from '../helpers/office-lab';

// Leaving the office while the interface keeps its address: the default route moves, the link drops, the gateway's
// hardware address changes. Real namespaces and veth pairs, a real beacon, the gate in its own process. The policy's
// re-check interval is a day, so every verdict here comes from the gate noticing the change itself. How fast it
// locks is measured by bench/network/lock-latency.ts, not here.
const unavailable = namespacesUnavailable();
if (unavailable) console.warn(`network-gate-netns: skipped, ${unavailable}`);

describe.skipIf(unavailable !== null)('the gate notices leaving the office while every address stays', () => {
  let lab: OfficeLab;
  beforeAll(async () => {
    lab = await startOfficeLab();
    await lab.waitFor((e) => e.state === 'office', 0, 60_000);
  }, 90_000);
  afterAll(async () => {
    await lab?.close();
  });

  it('the default route moving to another network locks at once, stays locked, and re-opens when the route comes back', async () => {
    const from = lab.events.length;
    lab.routeViaCafe();
    const locked = await lab.waitFor((e) => e.state === 'off-network', from);
    expect(locked).toMatchObject({ trigger: 'network-change', code: 'network_changed' });
    expect(locked.reason).toMatch(/default route or its gateway changed/);
    // the re-check runs at once and cannot reach the beacon through the café: no office verdict follows
    await new Promise((r) => setTimeout(r, 3000));
    expect(lab.events.slice(from).some((e) => e.state === 'office')).toBe(false);
    const back = lab.events.length;
    lab.routeViaOffice();
    expect(await lab.waitFor((e) => e.state === 'office', back)).toMatchObject({ trigger: 'network-change' });
  }, 60_000);

  it('the link carrying the default route going down locks', async () => {
    const from = lab.events.length;
    lab.ip('office', 'link', 'set', 'o0', 'down');
    const locked = await lab.waitFor((e) => e.state === 'off-network', from);
    expect(locked).toMatchObject({ trigger: 'network-change', code: 'network_changed' });
    expect(locked.reason).toMatch(/link c0 went from up\/1 to/);
    const back = lab.events.length;
    lab.ip('office', 'link', 'set', 'o0', 'up');
    expect(await lab.waitFor((e) => e.state === 'office', back)).toMatchObject({ trigger: 'network-change' });
  }, 60_000);

  it("the gateway answering with another hardware address (another router, or a spoofed ARP answer) locks", async () => {
    // the gate has seen the office router's real hardware address (learnt when the re-check reached the beacon)
    await expect.poll(() => lab.ip('laptop', 'neigh', 'show', '10.231.1.1', 'dev', 'c0'), { timeout: 10_000 }).toMatch(/lladdr/);
    await new Promise((r) => setTimeout(r, 2000));
    const from = lab.events.length;
    lab.ip('laptop', 'neigh', 'replace', '10.231.1.1', 'lladdr', '02:de:ad:be:ef:01', 'dev', 'c0', 'nud', 'permanent');
    const locked = await lab.waitFor((e) => e.state === 'off-network', from);
    expect(locked).toMatchObject({ trigger: 'network-change', code: 'network_changed' });
    expect(locked.reason).toMatch(/gateway's hardware address changed/);
    // frames to the wrong hardware address never reach the office router: the re-check cannot prove the office
    await new Promise((r) => setTimeout(r, 3000));
    expect(lab.events.slice(from).some((e) => e.state === 'office')).toBe(false);
    lab.ip('laptop', 'neigh', 'del', '10.231.1.1', 'dev', 'c0');
  }, 60_000);
});
