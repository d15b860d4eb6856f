import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRecoveryCode } from '../../main/core/auth';
import { HubStore, type HubUser } from '../../main/hub/store';
import { HubSecondFactor } from '../../main/hub/store/second-factor';
import { bothAdapters } from './adapters';

/** Feature parity B at the hub's store (a person's own second factor, …) — one suite, both adapters. */
const adapters = bothAdapters('hub-parity-b-');

const by = { actor: 'amal', device: 'f'.repeat(64) };

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub parity B conformance: ${name}`, () => {
    let store: HubStore;
    let t = 10_000;
    const now = () => t;
    let amal: HubUser;
    const auditActions = async () => (await store.q.all<{ action: string }>('SELECT action FROM audit ORDER BY seq')).map((r) => r.action);
    const session = async (tokenHash: string, stage: 'enrol' | 'full') =>
      store.createSession({ tokenHash, userId: amal.id, device: by.device, stage, expiresAt: t + 600_000 });

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      amal = await store.createUser({ username: 'amal', displayName: 'Amal', role: 'agent', passwordHash: 'h' }, { actor: 'it:test' });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('sets up a second factor once: the waiting secret becomes the account’s with its recovery codes, the set-up sign-in becomes full, other sessions end', async () => {
      const factors = new HubSecondFactor(store);
      await session('enrol-session', 'enrol');
      await session('other-desk', 'full');
      await factors.begin(amal.id, 'sealed:first', t + 600_000, by);
      // Starting again replaces the waiting secret: the first QR code no longer confirms.
      await factors.begin(amal.id, 'sealed:second', t + 600_000, by);
      expect(await factors.pending(amal.id)).toEqual({ sealedSecret: 'sealed:second', expiresAt: t + 600_000 });
      await expect(factors.confirm(amal.id, { sealedSecret: 'sealed:first', step: 5, recoveryHashes: [], tokenHash: 'enrol-session', sessionExpiresAt: t + 1 }, by)).rejects.toMatchObject({ code: 'no_enrolment' });
      expect((await store.userById(amal.id))!.totpSecret).toBeNull();

      const hashes = ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH'].map(hashRecoveryCode);
      const seqBefore = await store.latestEventSeq();
      const user = await factors.confirm(amal.id, { sealedSecret: 'sealed:second', step: 7, recoveryHashes: hashes, tokenHash: 'enrol-session', sessionExpiresAt: t + 900_000 }, by);
      expect(user.totpSecret).toBe('sealed:second');
      expect(await factors.pending(amal.id)).toBeNull();
      expect(await store.session('enrol-session')).toMatchObject({ stage: 'full', expiresAt: t + 900_000 });
      expect(await store.session('other-desk')).toBeNull();
      // The step of the confirming code is used: the same code cannot sign in afterwards.
      expect(await store.useTotpStep(amal.id, 7)).toBe(false);
      expect((await store.eventsAfter(seqBefore)).map((e) => e.kind)).toEqual(['user.updated']);
      expect(await auditActions()).toEqual(expect.arrayContaining(['user.second_factor_enrolment_started', 'user.second_factor_enrolled']));
      // A second confirmation (the same request again, through another node) enrols nothing twice.
      await expect(factors.confirm(amal.id, { sealedSecret: 'sealed:second', step: 8, recoveryHashes: [], tokenHash: 'enrol-session', sessionExpiresAt: t + 1 }, by)).rejects.toMatchObject({ code: 'no_enrolment' });
      await expect(factors.begin(amal.id, 'sealed:third', t + 600_000, by)).rejects.toMatchObject({ code: 'totp_already_enabled' });

      // Each recovery code works once.
      expect(await factors.recoveryCodesLeft(amal.id)).toBe(2);
      expect(await factors.useRecoveryCode(amal.id, hashRecoveryCode('aaaa bbbb cccc dddd'))).toBe(true);
      expect(await factors.useRecoveryCode(amal.id, hashRecoveryCode('AAAA-BBBB-CCCC-DDDD'))).toBe(false);
      expect(await factors.useRecoveryCode(amal.id, hashRecoveryCode('ZZZZ-ZZZZ-ZZZZ-ZZZZ'))).toBe(false);
      expect(await factors.recoveryCodesLeft(amal.id)).toBe(1);

      // A reset takes the recovery codes with it.
      await store.updateUser(amal.id, { totpSecret: null }, { actor: 'it:test', action: 'user.second_factor_reset' });
      expect(await factors.recoveryCodesLeft(amal.id)).toBe(0);
    });

    it('an expired set-up is not confirmed', async () => {
      const factors = new HubSecondFactor(store);
      await factors.begin(amal.id, 'sealed:late', t + 1_000, by);
      t += 2_000;
      expect(await factors.pending(amal.id)).toBeNull();
      await expect(factors.confirm(amal.id, { sealedSecret: 'sealed:late', step: 9, recoveryHashes: [], tokenHash: 'x', sessionExpiresAt: t }, by)).rejects.toMatchObject({ code: 'no_enrolment' });
      expect((await store.userById(amal.id))!.totpSecret).toBeNull();
    });
  });
}
