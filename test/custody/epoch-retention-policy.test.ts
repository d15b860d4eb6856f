import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Core } from '../../main/core/app';
import { CustodyPolicySchema, describeIssues, PolicySchema } from '../../main/core/policy';
import { parseCustodianConfig } from '../../main/custodian/config';
import { ingestMessage } from '../helpers/console';
import { testCore } from '../helpers/core';
import { TestClock } from '../helpers/identity';
import { interfaces, makeSigner, managedLocation, policyBody, siteFor, startTestBeacon, writeSignedPolicy } from '../helpers/network';
import { revealOriginal } from '../helpers/store';

let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

/** Key epochs as an IT setting: the signed policy (single seat) or the custodian's configuration (hub) sets them. */
describe('key epochs set by IT', () => {
  const base = { version: 1, issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z', sites: [] };
  const policyError = (custody: unknown) => {
    const r = PolicySchema.safeParse({ ...base, custody });
    const ours = r.success ? [] : r.error.issues.filter((i) => i.path[0] === 'custody');
    return ours.length ? describeIssues(new z.ZodError(ours)) : null;
  };

  it('refuses a malformed setting with a sentence naming the field, and accepts a sound one', () => {
    expect(policyError({ epoch: { weeks: 2 } })).toMatch(/custody\.epoch.*must be \{ "months": N \} \(1–120\) or \{ "days": N \}/);
    expect(policyError({ epoch: { months: 0 } })).toMatch(/custody\.epoch/);
    expect(policyError({ retainEpochs: 0 })).toMatch(/custody\.retainEpochs.*must keep at least the current epoch/);
    expect(policyError({ retainEpochs: 2.5 })).toMatch(/whole number of epochs/);
    expect(policyError({ epoch: { days: 7 }, retainEpochs: 52 })).toBeNull();
    expect(CustodyPolicySchema.parse({})).toEqual({ epoch: { months: 1 } });
    const custodian = { team: 'acme', listen: {}, tls: { certFile: 'c.pem' }, hubRanges: ['10.0.0.0/8'], hubGrantKeys: ['A'.repeat(43) + '='], policy: { file: 'p.json', signers: [{ name: 'IT', publicKey: 'A'.repeat(43) + '=' }] }, keys: { dir: 'k' }, log: { file: 'l' } };
    expect(() => parseCustodianConfig({ ...custodian, retainEpochs: 0 }, 'custodian.json')).toThrow(/custodian\.json is not valid: retainEpochs must keep at least the current epoch/);
    expect(parseCustodianConfig({ ...custodian, epoch: { days: 30 }, retainEpochs: 12 })).toMatchObject({ epoch: { days: 30 }, retainEpochs: 12 });
  });

  it('a console follows the signed policy: daily epochs, one kept — yesterday\'s originals are destroyed, masked text stays', async () => {
    const clock = new TestClock(Date.now());
    const beacon = await startTestBeacon('hq');
    const signer = makeSigner();
    const loc = managedLocation([signer]);
    const body = policyBody([siteFor('hq', beacon, ['10.20.0.0/16'])], { custody: { epoch: { days: 1 }, retainEpochs: 1 } }, clock.now());
    writeSignedPolicy(loc.policyFile, body, signer);
    const c = (core = await testCore({ clock, network: { ...loc, interfaces: () => interfaces({ eth0: ['10.20.1.5'] }), dnsSuffixes: async () => [], debounceMs: 10 } }));
    const custodian = c.store.custody.custodian;
    c.gate.start();
    await expect.poll(() => custodian.epochRetention).toEqual({ epoch: { days: 1 }, retainEpochs: 1 });

    c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    const first = ingestMessage(c, { contact: 'Omar', text: 'old number 0551234567 refund' });
    const old = c.store.conversations.messages(first)[0]!;
    expect(revealOriginal(c.store, old.id, 0).value).toBe('0551234567');
    expect(custodian.epochs().shredded).toEqual([]);

    clock.advance(86_400_000);
    const second = ingestMessage(c, { contact: 'Huda', text: 'new number 0509876543 refund' });
    expect(custodian.epochs().shredded.length).toBeGreaterThanOrEqual(1);
    expect(() => revealOriginal(c.store, old.id, 0)).toThrow(expect.objectContaining({ code: 'epoch_shredded' }));
    expect(revealOriginal(c.store, c.store.conversations.messages(second)[0]!.id, 0).value).toBe('0509876543');
    expect(c.store.conversations.messages(first)[0]!.maskedText).toMatch(/^old number .+ refund$/);
  });

  it('a change of epoch length destroys by age, not by epoch number: monthly keys are neither destroyed at once nor kept forever', async () => {
    const clock = new TestClock(Date.UTC(2026, 4, 20, 9));
    const c = (core = await testCore({ clock }));
    const custodian = c.store.custody.custodian;
    c.store.channels.create({ id: 'demo', kind: 'demo', name: 'Demo' });
    const monthly = c.store.conversations.messages(ingestMessage(c, { contact: 'Omar', text: 'monthly 0551234567' }))[0]!;
    // Days since 1970 number far below months since year 0: a rule by number would keep the monthly key for ever.
    expect(custodian.setRetention({ epoch: { days: 7 }, retainEpochs: 2 })).toEqual([]);
    clock.advance(6 * 86_400_000);
    ingestMessage(c, { contact: 'Huda', text: 'weekly 0509876543' });
    expect(revealOriginal(c.store, monthly.id, 0).value).toBe('0551234567');
    clock.advance(14 * 86_400_000);
    ingestMessage(c, { contact: 'Lina', text: 'later 0501112223' });
    expect(() => revealOriginal(c.store, monthly.id, 0)).toThrow(expect.objectContaining({ code: 'epoch_shredded' }));
  });
});
