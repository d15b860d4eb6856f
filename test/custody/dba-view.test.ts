import crypto from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANT_DOMAIN, signStatement } from '../../main/core/custody';
import { privateKeyFromPem } from '../../main/core/policy';
import { Custodian, CustodianLog, EpochKeys } from '../../main/custodian';
import { OriginalsSealer } from '../../main/hub/sealing';
import { HubStore, postgresExecutor } from '../../main/hub/store';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { suiteTmpDir } from '../helpers/tmp';
import { makeGrant, testDevice } from './grant-fixture';
import { testPolicy } from './policy-fixture';

const SCRIPTS = [
  (s: string) => s,
  (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!),
  (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!),
];
const toLatin = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));

/** Registered values as customers write them: digit groups, joined by a separator or none. */
const VALUES: Array<{ type: string; groups: string[] }> = [
  { type: 'CARD', groups: ['4111', '1111', '1111', '1111'] },
  { type: 'CARD', groups: ['5500', '0000', '0000', '0004'] },
  { type: 'PHONE', groups: ['+966', '50', '123', '4567'] },
  { type: 'PHONE', groups: ['0912', '345', '6789'] },
  { type: 'IBAN', groups: ['SA03', '8000', '0000', '6080', '1016', '7519'] },
];
const SEPARATORS = [' ', '-', ''];
const FRAMES = ['my number is {v} thanks', 'رقمي {v} شكرا', 'شماره من {v} است', '{v}'];

/**
 * The database administrator's view after a team's messages full of registered values were ingested: every row of
 * every table, and a `pg_dump`, searched for each original in every digit script, with and without separators,
 * and after folding Arabic-Indic and Persian digits to Latin. Zero originals are found; the custodian still opens
 * one for a valid grant.
 */
describe("a database administrator's view of the hub", () => {
  let pg: TestPostgres;
  let dbUrl: string;
  let store: HubStore;
  let custodian: Custodian;
  const values = new Set<string>();
  const agent = testDevice();
  const lead = testDevice();
  let grantKey: crypto.KeyObject;

  beforeAll(async () => {
    pg = await startTestPostgres();
    dbUrl = await pg.newDatabase();
    store = new HubStore(postgresExecutor({ connectionString: dbUrl, max: 2 }), Date.now);
    await store.migrate();
    await store.saveChannel({ id: 'tg', kind: 'telegram', name: 'bot', enabled: false, config: {} }, { actor: 'it:test' });
    const dir = suiteTmpDir('custody-dba-');
    const policy = testPolicy(dir);
    policy.enrol([agent.fingerprint, lead.fingerprint], ['layla']);
    grantKey = privateKeyFromPem(policy.grantKeyPem, 'grant key');
    custodian = new Custodian({
      team: 'acme',
      keys: new EpochKeys(path.join(dir, 'keys'), crypto.randomBytes(32), { months: 1 }),
      epochLength: { months: 1 },
      log: new CustodianLog(path.join(dir, 'custodian.log'), 3_600_000),
      hubGrantKeys: [policy.grantPublicKey],
      policy: { file: policy.file, signers: [policy.signer] },
      rateLimit: { perDevice: 100, windowMs: 3_600_000 },
      now: Date.now,
    });
    const sealer = new OriginalsSealer('acme', () => custodian.publicKey(), null);

    // Every value × digit script × separator × language frame, plus property-generated messages holding several.
    const written: Array<{ text: string; values: string[] }> = [];
    for (const v of VALUES)
      for (const script of SCRIPTS)
        for (const sep of SEPARATORS) {
          const value = script(v.groups.join(sep));
          for (const frame of FRAMES) written.push({ text: frame.replace('{v}', value), values: [value] });
        }
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...VALUES), fc.constantFrom(...SCRIPTS), fc.constantFrom(...SEPARATORS)), { minLength: 2, maxLength: 4 }), (picks) => {
        const vs = picks.map(([v, script, sep]) => script(v.groups.join(sep)));
        written.push({ text: `عندي ${vs.join(' و ')} please check`, values: vs });
      }),
      { numRuns: 60, seed: 17 },
    );
    const prepared = written.map((w, i) =>
      sealer.prepare({ platformMessageId: `m${i}`, platformConversationId: `chat-${i % 7}`, contact: { platformUserId: `u${i % 7}` }, direction: 'in', text: w.text, sentAt: 1_000 + i }),
    );
    // The test means something only if masking found every value (masking itself is tested in its own suites).
    for (const [i, p] of prepared.entries()) expect(p.fields.length, written[i]!.text).toBeGreaterThanOrEqual(written[i]!.values.length);
    await store.ingest('tg', prepared);
    for (const w of written) for (const v of w.values) values.add(v);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await pg?.destroy();
  });

  /** Each original as written, folded to Latin digits, and folded without separators. */
  const found = (haystack: string) => {
    const folded = toLatin(haystack);
    return [...values].filter((v) => haystack.includes(v) || folded.includes(toLatin(v)) || folded.includes(toLatin(v).replace(/[\s-]/g, '')));
  };

  it('finds zero originals in any row of any table', async () => {
    const tables = await store.q.all<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.t)).toEqual(expect.arrayContaining(['messages', 'message_fields', 'events', 'audit', 'outbox', 'reveals']));
    let everything = '';
    for (const { t } of tables) for (const row of await store.q.all<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${t} x`)) everything += `${row.j}\n`;
    expect(everything).toContain('⟦CARD');
    expect(values.size).toBeGreaterThanOrEqual(45);
    expect(found(everything)).toEqual([]);
    // The search itself finds an original however it is written (so an empty result means something).
    expect(found('x ٤١١١ ١١١١ ١١١١ ١١١١ y')).toEqual(expect.arrayContaining(['4111 1111 1111 1111', '٤١١١ ١١١١ ١١١١ ١١١١', '۴۱۱۱ ۱۱۱۱ ۱۱۱۱ ۱۱۱۱']));
  });

  it('finds zero originals in a pg_dump backup', () => {
    const dump = pg.dump(dbUrl);
    expect(dump).toContain('⟦IBAN');
    expect(found(dump)).toEqual([]);
  });

  it('the custodian still opens a sealed original for a valid grant (the ciphertext is not junk)', async () => {
    const m = (await store.q.get<{ id: number }>("SELECT id FROM messages WHERE platform_message_id = 'm0'"))!;
    const f = (await store.sealedField(m.id, 0))!;
    expect(f.type).toBe('CARD');
    const { grant, open } = makeGrant({ revealId: 1, messageId: m.id, type: f.type, sealed: f.sealed, asker: agent, approver: lead, now: Date.now() });
    const answer = custodian.open({ grant, signature: signStatement(GRANT_DOMAIN, grant, grantKey) });
    expect(open(answer.sealed)).toBe('4111 1111 1111 1111');
  });
});
