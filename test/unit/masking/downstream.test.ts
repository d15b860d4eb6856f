/**
 * The classes the detectors learned in this round, carried through the real store with the real detectors: no
 * original value reaches the database file (masked text, search index, display names, notes, labels) or a masked
 * transcript. Real SQLite, real keychain (run with scripts/test.sh).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/app';
import { detectorMasker } from '../../../main/core/app/masker';
import { storeTranscripts } from '../../../main/core/app/store-ports';
import { inbound, storeCore } from '../../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

/** [message, the values in it that must never be stored in clear] */
const CASES: Array<[string, string[]]> = [
  ['نام\tکد ملی\tموبایل\nعلی رضایی\t3885970775\t09020979069', ['3885970775', '09020979069']],
  ['نمرتي ٠٥٥٬١٢٣٤٬٥٦٧ الله يخليكم', ['٠٥٥٬١٢٣٤٬٥٦٧']],
  ['codo nemifrestid baram, shomaram 09134422504e , chand bar zadam', ['09134422504']],
  ['https://ib.bank-sample.ir/receive?iban=IR240170153807774816236415&amount=12000000', ['IR240170153807774816236415']],
  ['پاسپورتمو تمدید کردم شمارش عوض شد، شد U۱۶۴۴۵۳۹۱ میشه درستش کنین؟', ['U۱۶۴۴۵۳۹۱']],
  ['هو لازم ابعت ال cvv بتاع الكارت 4111 1111 1111 1111؟ طيب هو 440 خلصوا', ['4111 1111 1111 1111', '440']],
  ['Jalali DOB: ۱۳۶۵/۰۷/۱۲ (= 4 Oct 1986)', ['۱۳۶۵/۰۷/۱۲', '4 Oct 1986']],
  ['رمز التحقق 900000 SAR', ['900000']],
];

describe('what the new classes leave in the store (real detectors)', () => {
  it('no original in the database file, the search index, a display name, a note, a label or a transcript', async () => {
    core = await storeCore({ masker: detectorMasker(() => undefined) });
    const { store } = core;
    store.sink.ingest('tg', CASES.map(([text], i) => inbound(i + 1, { text, contact: { platformUserId: 'u1', displayName: 'Ali 0501234567' } })));
    const id = store.conversations.list().items[0]!.id;
    store.notes.add(id, 'agent-1', 'called back on 07 14 26\n11 08, his iban AE07 0331 2345 6789 0123 456');
    store.labels.create('passport A-72572258');
    const values = [...CASES.flatMap(([, v]) => v), '0501234567', '07 14 26\n11 08', 'AE07 0331 2345 6789 0123 456', 'A-72572258'];

    const transcript = JSON.stringify(storeTranscripts(core.db, store).maskedTranscript(id));
    // the checks below look where the masked text really is
    expect(transcript).toContain('⟦PASSPORT⟧');
    expect(transcript).toContain('chand bar zadam');
    for (const v of values) {
      expect(transcript, v).not.toContain(v);
      expect(store.search.search(v.replace(/\s+/g, ' ')).length, `search for ${v}`).toBe(0);
    }
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const dir = core.dataDir;
    // The database and its WAL (the custodian's folder beside them holds sealed keys and a log of ids and times).
    const files = readdirSync(dir).map((f) => path.join(dir, f)).filter((f) => !f.endsWith('.lock') && statSync(f).isFile());
    const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from('chand bar zadam', 'utf8'))).toBe(true);
    for (const v of values) {
      expect(bytes.includes(Buffer.from(v, 'utf8')), `${JSON.stringify(v)} in the database files`).toBe(false);
      expect(bytes.includes(Buffer.from(v, 'utf16le')), `${JSON.stringify(v)} (UTF-16) in the database files`).toBe(false);
    }
  });
});
