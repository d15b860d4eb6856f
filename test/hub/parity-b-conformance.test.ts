import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRecoveryCode } from '../../main/core/auth';
import { HubStore, type HubUser } from '../../main/hub/store';
import { HubChannelSetup } from '../../main/hub/store/channel-setup';
import { HubLeadReview } from '../../main/hub/store/lead-review';
import { HubSecondFactor } from '../../main/hub/store/second-factor';
import { HubTranscriptExport } from '../../main/hub/store/transcript-export';
import { bothAdapters } from './adapters';

/** Feature parity B at the hub's store (a person's own second factor, channels set up from a console, transcript exports) — one suite, both adapters. */
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

    it('saves a channel with its sealed secrets, revision, event and audit in one go; a kind stays; health is written only when it changes', async () => {
      const setup = new HubChannelSetup(store);
      const admin = { actor: 'salma', device: by.device };
      const seq0 = await store.latestEventSeq();
      const token = { name: 'sales.token', sealed: Buffer.from('ciphertext-1') };
      expect(await setup.save({ id: 'sales', kind: 'telegram', name: 'Sales', config: { settings: { longPollSeconds: 1 } }, enabled: true }, [token], admin)).toEqual({ created: true, revision: 1 });
      expect(await setup.sealedSecret('sales.token')).toEqual(Buffer.from('ciphertext-1'));
      expect((await store.channels()).find((c) => c.id === 'sales')).toMatchObject({ kind: 'telegram', name: 'Sales', enabled: true, config: { settings: { longPollSeconds: 1 } } });
      const events = await store.eventsAfter(seq0);
      expect(events.map((e) => [e.kind, e.audience])).toEqual([['channel.updated', 'team']]);
      const saved = await store.q.get<{ details: string }>("SELECT details FROM audit WHERE action = 'channel.saved' ORDER BY seq DESC LIMIT 1");
      expect(JSON.parse(saved!.details)).toEqual({ kind: 'telegram', enabled: true, created: true, secrets: ['sales.token'] });

      // An edit moves the revision on (the node running it restarts it); IT's own save does too.
      expect(await setup.save({ id: 'sales', kind: 'telegram', name: 'Sales desk', config: {}, enabled: true }, [{ ...token, sealed: Buffer.from('ciphertext-2') }], admin)).toEqual({ created: false, revision: 2 });
      expect(await setup.sealedSecret('sales.token')).toEqual(Buffer.from('ciphertext-2'));
      await store.saveChannel({ id: 'sales', kind: 'telegram', name: 'Sales desk', config: {}, enabled: true }, { actor: 'it:test' });
      expect((await setup.revisions()).get('sales')).toBe(3);
      // A channel keeps its kind; the refused save changes nothing.
      await expect(setup.save({ id: 'sales', kind: 'x', name: 'X', config: {}, enabled: true }, [{ name: 'sales.token', sealed: Buffer.from('other') }], admin)).rejects.toMatchObject({ code: 'channel_kind_fixed' });
      expect(await setup.sealedSecret('sales.token')).toEqual(Buffer.from('ciphertext-2'));
      expect((await setup.revisions()).get('sales')).toBe(3);

      await setup.rotateSecret({ name: 'sales.token', sealed: Buffer.from('rotated') }, { actor: 'hub:n1' });
      expect(await setup.sealedSecret('sales.token')).toEqual(Buffer.from('rotated'));
      expect(await auditActions()).toContain('hub.secret_rotated');

      const seq1 = await store.latestEventSeq();
      expect(await setup.reportHealth('sales', { state: 'ok', checkedAt: 5 }, 'n1')).toBe(true);
      expect(await setup.reportHealth('sales', { state: 'ok', checkedAt: 6 }, 'n1')).toBe(false);
      expect(await setup.reportHealth('sales', { state: 'down', detail: 'The token was refused.', checkedAt: 7 }, 'n2')).toBe(true);
      expect((await store.eventsAfter(seq1)).map((e) => [e.kind, e.audience, (e.payload as { state: string }).state])).toEqual([
        ['channel.health', 'team', 'ok'],
        ['channel.health', 'team', 'down'],
      ]);
      expect((await setup.health()).get('sales')).toEqual({ channelId: 'sales', state: 'down', detail: 'The token was refused.', checkedAt: 7, node: 'n2' });
    });

    it('reads a masked transcript with authors and reviews for an export, and audits the export', async () => {
      await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'Support', config: {}, enabled: true }, { actor: 'it:test' });
      await store.ingest('tg', [
        {
          platformMessageId: 'm1',
          platformConversationId: 'chat-1',
          contact: { platformUserId: 'u-1', displayName: 'Noura' },
          direction: 'in',
          maskedText: 'My card is •••• 1111',
          sealedText: null,
          sentAt: 2_000,
          attachments: [],
          fields: [],
          seal: () => ({ text: Buffer.from('sealed'), fields: [] }),
        },
      ]);
      const conversationId = (await store.conversations()).find((c) => c.channelId === 'tg')!.id;
      await new HubLeadReview(store).score({ conversationId, reviewerId: amal.id, score: 4, maskedComment: 'Kind and quick' }, by);
      const exports = new HubTranscriptExport(store, async () => null);
      expect(await exports.transcript(conversationId)).toEqual({
        transcript: {
          conversationId,
          channel: 'telegram',
          contact: 'Noura',
          messages: [{ id: expect.any(Number), direction: 'in', sentAt: 2_000, author: 'Noura', text: 'My card is •••• 1111' }],
        },
        reviews: [{ conversationId, reviewer: 'amal', score: 4, comment: 'Kind and quick', updatedAt: t }],
        consent: null,
      });
      expect(await exports.transcript(999_999)).toBeNull();
      await exports.recordExport(conversationId, { format: 'json', signer: 'ab'.repeat(32), messages: 1 }, by);
      const entry = await store.q.get<{ action: string; target: string; details: string }>('SELECT action, target, details FROM audit ORDER BY seq DESC LIMIT 1');
      expect(entry).toMatchObject({ action: 'export.transcript', target: `conversation:${conversationId}` });
      expect(JSON.parse(entry!.details)).toEqual({ format: 'json', signer: 'ab'.repeat(32), messages: 1 });
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
