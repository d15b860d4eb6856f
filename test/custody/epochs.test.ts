import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANT_DOMAIN, signStatement } from '../../main/core/custody';
import { privateKeyFromPem } from '../../main/core/policy';
import { Custodian, CustodianLog, epochAt, EpochKeys, keyEncryptionKey, verifyCustodianLog } from '../../main/custodian';
import { OriginalsSealer } from '../../main/hub/sealing';
import { HubStore, sqliteExecutor } from '../../main/hub/store';
import { suiteTmpDir } from '../helpers/tmp';
import { makeGrant, testDevice } from './grant-fixture';
import { testPolicy } from './policy-fixture';

// The 15th of the month before last, and of this month: two monthly epochs apart, inside the test policy's validity.
const today = new Date();
const JAN = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 15);
const MAR = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 15);

/**
 * Key epochs and crypto-shredding: a new sealing key each month, inside the custodian; destroying a past epoch's key
 * makes that period's originals unrevealable (in every backup of the hub, which only ever held ciphertext), while
 * masked text stays readable and findable.
 */
describe('key epochs and crypto-shredding', () => {
  const dir = suiteTmpDir('custody-epochs-');
  let clock = JAN;
  const now = () => clock;
  const agent = testDevice();
  const policy = testPolicy(dir);
  const kek = crypto.randomBytes(32);
  let custodian: Custodian;
  let log: CustodianLog;
  let store: HubStore;
  const sealer = new OriginalsSealer('acme', () => custodian.publicKey(), null);
  let revealId = 0;

  async function ingest(id: string, text: string) {
    await store.ingest('tg', [sealer.prepare({ platformMessageId: id, platformConversationId: 'chat', contact: { platformUserId: 'u' }, direction: 'in', text, sentAt: clock })]);
    return (await store.q.get<{ id: number }>('SELECT id FROM messages WHERE platform_message_id = ?', [id]))!.id;
  }

  async function reveal(messageId: number) {
    const f = (await store.sealedField(messageId, 0))!;
    const { grant, open } = makeGrant({ revealId: ++revealId, messageId, type: f.type, sealed: f.sealed, asker: agent, now: clock });
    return open(custodian.open({ grant, signature: signStatement(GRANT_DOMAIN, grant, privateKeyFromPem(policy.grantKeyPem, 'grant key')) }).sealed);
  }

  beforeAll(async () => {
    policy.enrol([agent.fingerprint]);
    log = new CustodianLog(path.join(dir, 'custodian.log'), 3_600_000);
    custodian = new Custodian({
      team: 'acme',
      keys: new EpochKeys(path.join(dir, 'keys'), kek, { months: 1 }),
      epochLength: { months: 1 },
      log,
      hubGrantKeys: [policy.grantPublicKey],
      policy: { file: policy.file, signers: [policy.signer] },
      rateLimit: { perDevice: 100, windowMs: 3_600_000 },
      now,
    });
    store = new HubStore(sqliteExecutor(path.join(dir, 'hub.sqlite')), now);
    await store.migrate();
    await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:test' });
  });

  afterAll(async () => {
    await store?.close();
    log?.close();
  });

  it('seals each month to that month\'s key, rotating inside the custodian', async () => {
    const jan = custodian.publicKey();
    expect(jan.epoch).toBe(epochAt(JAN, { months: 1 }));
    const janMsg = await ingest('jan', 'call me on 0912 345 6789 please');
    clock = MAR;
    const mar = custodian.publicKey();
    expect(mar.epoch).toBe(jan.epoch + 2);
    expect(mar.publicKey).not.toBe(jan.publicKey);
    const marMsg = await ingest('mar', 'my new number is ۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(await reveal(janMsg)).toBe('0912 345 6789');
    expect(await reveal(marMsg)).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(fs.readdirSync(path.join(dir, 'keys')).filter((f) => f.endsWith('.key.json'))).toHaveLength(2);
  });

  it('after an epoch is destroyed its originals cannot be revealed; masked text still reads and is found', async () => {
    const janEpoch = epochAt(JAN, { months: 1 });
    expect(() => custodian.shred(epochAt(MAR, { months: 1 }))).toThrow(/only a past epoch/);
    custodian.shred(janEpoch);
    const janMsg = (await store.q.get<{ id: number }>("SELECT id FROM messages WHERE platform_message_id = 'jan'"))!.id;
    await expect(reveal(janMsg)).rejects.toMatchObject({ code: 'epoch_shredded' });
    // Even a custodian restarted with the same key-encryption key (a backup of the key directory taken after) has nothing.
    const again = new EpochKeys(path.join(dir, 'keys'), kek, { months: 1 });
    expect(() => again.privateKey(janEpoch)).toThrow(/destroyed/);
    expect(await reveal((await store.q.get<{ id: number }>("SELECT id FROM messages WHERE platform_message_id = 'mar'"))!.id)).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    // Masked text of the shredded period is intact and found by what agents search: the masked words.
    const [conv] = await store.conversations();
    const texts = (await store.messages(conv!.id)).map((m) => m.maskedText);
    expect(texts[0]).toMatch(/^call me on ⟦PHONE·••89⟧ please$/);
    const hit = await store.q.all<{ id: number }>('SELECT id FROM messages WHERE masked_text LIKE ?', ['%call me%']);
    expect(hit.map((h) => h.id)).toEqual([janMsg]);
    const events = verifyCustodianLog(path.join(dir, 'custodian.log'));
    expect(events.broken).toBeNull();
    expect(fs.readFileSync(path.join(dir, 'custodian.log'), 'utf8')).toMatch(/"event":"epoch.shredded"/);
  });

  it('retention destroys epochs older than it keeps when a new epoch begins', async () => {
    const d = suiteTmpDir('custody-retention-');
    let t = JAN;
    const l = new CustodianLog(path.join(d, 'custodian.log'), 3_600_000);
    const c = new Custodian({
      team: 'acme',
      keys: new EpochKeys(path.join(d, 'keys'), keyEncryptionKey({ passphrase: 'a long test passphrase', dir: path.join(d, 'keys') }), { days: 30 }),
      epochLength: { days: 30 },
      retainEpochs: 2,
      log: l,
      hubGrantKeys: [policy.grantPublicKey],
      policy: { file: policy.file, signers: [policy.signer] },
      rateLimit: { perDevice: 100, windowMs: 3_600_000 },
      now: () => t,
    });
    const first = c.publicKey().epoch;
    t += 30 * 86_400_000;
    c.publicKey();
    t += 30 * 86_400_000;
    const third = c.publicKey().epoch;
    expect(third).toBe(first + 2);
    const keys = new EpochKeys(path.join(d, 'keys'), keyEncryptionKey({ passphrase: 'a long test passphrase', dir: path.join(d, 'keys') }), { days: 30 });
    expect(keys.epochs()).toEqual([first + 1, first + 2]);
    expect(keys.shredded()).toEqual([first]);
    // A wrong passphrase opens nothing, and says so.
    const wrong = new EpochKeys(path.join(d, 'keys'), keyEncryptionKey({ passphrase: 'not the right passphrase', dir: path.join(d, 'keys') }), { days: 30 });
    expect(() => wrong.privateKey(first + 1)).toThrow(/wrong passphrase/);
    l.close();
  });
});
