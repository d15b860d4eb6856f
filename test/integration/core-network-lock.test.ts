import { afterEach, describe, expect, it } from 'vitest';
import type { Core, LockChange } from '../../main/core/app';
import type { Permission } from '../../main/core/auth';
import type { InterfaceList } from '../../main/core/network';
import { createMainDispatch, mainAuthorizer } from '../../main/ipc';
import { testCore } from '../helpers/core';
import { signPolicyDocument } from '../../main/core/policy';
import { beaconIdentity, interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { tmpDir } from '../helpers/tmp';

const trusted = { trustedSender: true, session: { sessionId: null, pendingSignIn: null } };
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

async function managedCore(opts: { dataDir?: string; version?: number } = {}) {
  const beacon = await startTestBeacon('hq');
  const signer = makeSigner();
  const loc = managedLocation([signer]);
  writeSignedPolicy(loc.policyFile, policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])], { version: opts.version ?? 1 }), signer);
  let ifaces: InterfaceList = interfaces({ eth0: ['10.20.1.5'] });
  const core = await testCore({
    dataDir: opts.dataDir,
    network: { ...loc, interfaces: () => ifaces, dnsSuffixes: async () => [], debounceMs: 10 },
  });
  cores.push(core);
  return { core, loc, signer, beacon, setInterfaces: (l: InterfaceList) => (ifaces = l) };
}

// No channel needs more than `public` yet; the sign-in work adds them. The authorizer is what every one will pass.
const memberOnly = 'agent' as Permission;

describe('the core locks while off the office network', () => {
  it('development mode: no signer anywhere, the console runs unmanaged, and says so', async () => {
    const core = await testCore();
    cores.push(core);
    expect(core.lock.isLocked()).toBe(false);
    const status = await createMainDispatch(core)('getNetworkStatus', {}, trusted);
    expect(status).toMatchObject({ ok: true, value: { state: 'unmanaged', locked: false, reason: expect.stringMatching(/development only/) } });
    core.gate.start();
    await core.ready();
    const verdicts = () => core.auditTrail.list().filter((e) => e.action === 'network.verdict');
    await expect.poll(() => verdicts().length).toBe(1);
    expect(verdicts()[0]).toMatchObject({ action: 'network.verdict', details: { state: 'unmanaged', trigger: 'start' } });
  });

  it('a managed deployment is locked until the network is proven, then locks again within a second of leaving it', async () => {
    const { core, setInterfaces } = await managedCore();
    const authorize = mainAuthorizer(core);
    expect(core.lock.isLocked()).toBe(true);
    expect(authorize(memberOnly, 'getStatus', trusted)).toMatchObject({ code: 'locked', details: { reason: 'off-network' } });
    expect(authorize('public', 'getStatus', trusted)).toBeNull();
    const dispatch = createMainDispatch(core);
    expect(await dispatch('getNetworkStatus', {}, trusted)).toMatchObject({ ok: true, value: { state: 'checking', locked: true, lockReason: 'off-network' } });

    const changes: Array<LockChange & { at: number }> = [];
    core.lock.onChange((c) => changes.push({ ...c, at: Date.now() }));
    core.gate.start();
    await expect.poll(() => core.lock.isLocked()).toBe(false);
    expect(authorize(memberOnly, 'getStatus', trusted)).toMatchObject({ code: 'unauthenticated' }); // unlocked; sign-in still applies
    expect(await dispatch('getNetworkStatus', {}, trusted)).toMatchObject({ ok: true, value: { state: 'office', siteId: 'hq', locked: false } });

    setInterfaces(interfaces({ wlan0: ['192.168.1.20'] }));
    const left = Date.now();
    core.gate.onNetworkChange();
    await expect.poll(() => core.lock.isLocked(), { interval: 5 }).toBe(true);
    expect(changes.at(-1)!.at - left).toBeLessThan(1000);
    expect(changes.map((c) => c.locked)).toEqual([false, true]);
    const status = await dispatch('getNetworkStatus', {}, trusted);
    expect(status).toMatchObject({ ok: true, value: { state: 'off-network', locked: true } });
    const json = JSON.stringify(status);
    expect(json).not.toMatch(/PRIVATE KEY|signature/);
  });

  it("applies IT's newer policy within seconds of its installation, without a restart (the re-check interval is 300 s)", async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    const right = siteFor('hq', beacon, ['10.20.0.0/16']);
    // version 1 pins the beacon's previous certificate; IT re-signs with the new pin as version 2
    const stale = { ...right, beacon: { ...right.beacon, pins: [(await beaconIdentity('127.0.0.1')).pin] } };
    writeSignedPolicy(loc.policyFile, policyBody([stale], { version: 1 }), signer);
    const core = await testCore({ network: { ...loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [] } });
    cores.push(core);
    core.gate.start();
    await expect.poll(() => core.gate.current()?.checks.find((c) => c.name === 'hq:beacon')?.code, { timeout: 10_000 }).toBe('beacon_pin_mismatch');
    expect(core.lock.isLocked()).toBe(true);
    writeSignedPolicy(loc.policyFile, policyBody([right], { version: 2 }), signer);
    await expect.poll(() => core.gate.current()?.state, { timeout: 5000, interval: 20 }).toBe('office');
    expect(core.gate.current()).toMatchObject({ policyVersion: 2 });
    expect(core.lock.isLocked()).toBe(false);
    await core.ready();
    const verdicts = () => core.auditTrail.list().filter((e) => e.action === 'network.verdict');
    await expect.poll(() => verdicts().at(-1)?.details).toMatchObject({ state: 'office', trigger: 'policy-change', policyVersion: 2 });
    // Each new policy is audited once, when first accepted, however often the gate re-reads it afterwards.
    await core.gate.evaluate();
    const changes = core.auditTrail.list().filter((e) => e.action === 'policy.changed');
    expect(changes.map((e) => ({ target: e.target, previous: e.details.previousVersion, signer: typeof e.details.signer }))).toEqual([
      { target: 'policy:1', previous: null, signer: 'string' },
      { target: 'policy:2', previous: 1, signer: 'string' },
    ]);
  });

  it('a policy delivered by managed configuration (registry, MDM) is re-read too: new bytes apply at once', async () => {
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    const sign = (version: number, ranges: string[]) => ({
      bytes: Buffer.from(signPolicyDocument(policyBody([siteFor('hq', beacon, ranges)], { version }), signer.privateKey)),
      source: 'HKLM\\SOFTWARE\\Policies\\Diwan\\Policy',
    });
    let managed = sign(1, ['10.99.0.0/16']); // a range this computer is not in
    const core = await testCore({
      network: { ...loc, managedPolicy: () => managed, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [] },
    });
    cores.push(core);
    core.gate.start();
    await expect.poll(() => core.gate.current()?.state, { timeout: 10_000 }).toBe('off-network');
    managed = sign(2, ['10.20.0.0/16']);
    await expect.poll(() => core.gate.current()?.state, { timeout: 5000, interval: 20 }).toBe('office');
    expect(core.gate.current()).toMatchObject({ policyVersion: 2 });
  });

  it('keeps the rollback floor in the database: an older policy is refused after a restart', async () => {
    const dataDir = tmpDir();
    const first = await managedCore({ dataDir, version: 3 });
    await first.core.gate.evaluate();
    expect(first.core.gate.current()?.state).toBe('office');
    first.core.close();
    writeSignedPolicy(first.loc.policyFile, policyBody([siteFor('hq', first.beacon, ['10.20.0.0/16'])], { version: 2 }), first.signer);
    const again = await testCore({
      dataDir,
      network: { ...first.loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [] },
    });
    cores.push(again);
    expect(again.gate.current()).toMatchObject({ state: 'off-network', checks: [{ code: 'policy_rollback' }] });
    expect(again.lock.isLocked()).toBe(true);
  });
});
