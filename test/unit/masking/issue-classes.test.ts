/**
 * The shapes issue #20 reports as stored in clear, one test per class, and the tune sets (bench/masking/sets/tune, the
 * sixth round's bench/masking/sets/round6, the seventh round's round7 and independent-r4a):
 * every labelled value hidden, every decoy visible. The report sets are scored by bench/masking/accuracy.ts only,
 * never asserted here, so no test pulls the detectors towards them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSensitive, maskMessage, type SensitiveType } from '../../../main/core/masking';
import { FAIL_CLOSED_CONFIDENCE } from '../../../main/core/masking/fail-closed';

function found(text: string): Array<[SensitiveType, string]> {
  return detectSensitive(text).map((s) => [s.type, text.slice(s.start, s.end)]);
}

describe('classes that leaked (issue #20)', () => {
  it('digits spaced or joined in unusual ways', () => {
    expect(found('the code 2 6 2 4 came')).toEqual([['OTP', '2 6 2 4']]);
    expect(found('الكود 3-4-6-3')).toEqual([['OTP', '3-4-6-3']]);
    expect(found('کد تایید ۸ ۳ ۴ ۷')).toEqual([['OTP', '۸ ۳ ۴ ۷']]);
    expect(found('card 4453_2894_4881_0526')).toEqual([['CARD', '4453_2894_4881_0526']]);
    expect(found('البطاقة ٤٤٥٣٬٢٨٩٤٬٤٨٨١٬٠٥٢٦')).toEqual([['CARD', '٤٤٥٣٬٢٨٩٤٬٤٨٨١٬٠٥٢٦']]);
    expect(found('البطاقة ٤٤٥٣٫٢٨٩٤٫٤٨٨١٫٠٥٢٦')).toEqual([['CARD', '٤٤٥٣٫٢٨٩٤٫٤٨٨١٫٠٥٢٦']]);
    expect(found('card 4453\u00a02894\u20094881\u202f0526')).toEqual([['CARD', '4453\u00a02894\u20094881\u202f0526']]);
  });

  it('dates with month names in any digit script, mixed', () => {
    expect(found('my birthday is Jun 23 1970 ok')).toEqual([['DOB', 'Jun 23 1970']]);
    expect(found('born 16-Oct-١٩٧٤')).toEqual([['DOB', '16-Oct-١٩٧٤']]);
    expect(found('dob 1990-Jun-05')).toEqual([['DOB', '1990-Jun-05']]);
    expect(found('مواليد ١٤ رجب ١٤٠٥')).toEqual([['DOB', '١٤ رجب ١٤٠٥']]);
    expect(found('متولد ۱۲ فروردین ۱۳۶۸ هستم')).toEqual([['DOB', '۱۲ فروردین ۱۳۶۸']]);
    expect(found('متولد ۷ دی ماه ۱۳۶۹ هستم')).toEqual([['DOB', '۷ دی ماه ۱۳۶۹']]);
    expect(found('أنا من مواليد شهر مارس ١٩٩٢')).toEqual([['DOB', 'مارس ١٩٩٢']]);
    expect(found('I was born in 1990')).toEqual([['DOB', '1990']]);
    expect(found('a customer since March 2020, order placed 12 May 2024')).toEqual([]);
  });

  it('letter-prefixed passports with separators or spaces, whole', () => {
    expect(found('passport A-58806017')).toEqual([['PASSPORT', 'A-58806017']]);
    expect(found('passport A 33662460')).toEqual([['PASSPORT', 'A 33662460']]);
    expect(found('A 33662460 is my passport')).toEqual([['PASSPORT', 'A 33662460']]);
    expect(found('passport no 1234567')).toEqual([['PASSPORT', '1234567']]);
  });

  it('IBANs with a space after the country code; phones with a bracketed or no plus', () => {
    expect(found('iban AE 07 0331 2345 6789 0123 456')).toEqual([['IBAN', 'AE 07 0331 2345 6789 0123 456']]);
    expect(found('call (+20) 128 889 9508')).toEqual([['PHONE', '(+20) 128 889 9508']]);
    expect(found('call 966 59 203 6319')).toEqual([['PHONE', '966 59 203 6319']]);
  });

  it('values before labels, labelled with = or a dash, split across lines, in links', () => {
    expect(found('ID=2182979746')).toEqual([['NATIONAL_ID', '2182979746']]);
    expect(found('رقم الإقامة(٢٣٨٧٦٧١٨٨٢)')).toEqual([['NATIONAL_ID', '٢٣٨٧٦٧١٨٨٢']]);
    expect(found('your OTP-482913 please')).toEqual([['OTP', '482913']]);
    expect(found('my card is\n4332 3159\n7588 3441\nthanks')).toEqual([['CARD', '4332 3159\n7588 3441']]);
    expect(found('wa.me/201288899508')).toEqual([['PHONE', '201288899508']]);
    expect(found('tel:+201001234567')).toEqual([['PHONE', '+201001234567']]);
    expect(found('https://pay.example.com/checkout?card=4636966187873712&exp=0928')).toEqual([
      ['CARD', '4636966187873712'],
      ['CARD_EXPIRY', '0928'],
    ]);
  });

  it('card security codes and expiry dates are types of their own; a document expiry stays visible', () => {
    expect(found('card 4453 2894 4881 0526 exp 09/29 cvv 713')).toEqual([
      ['CARD', '4453 2894 4881 0526'],
      ['CARD_EXPIRY', '09/29'],
      ['CVV', '713'],
    ]);
    expect(found('my passport expires 09/29, can I travel?')).toEqual([]);
    expect(found('paid by card; my passport expires 05/29 and my iqama expires 11/27')).toEqual([]);
    expect(found('the voucher costs 713 SAR')).toEqual([]);
    expect(maskMessage('exp 09/29 cvv 713 on my visa', { CVV: { showLast: 2 } }).masked).toBe('exp ⟦CARD_EXPIRY⟧ cvv ⟦CVV⟧ on my visa');
  });
});

/** Rows whose decoy is a correction's wrong value or a number the customer says is not theirs (see below). */
const FAIL_CLOSED_DECOYS = new Set(['round3-phones-ids-043', 'r4a-0019', 'r4a-0039', 'r4a-0083', 'r4a-0104', 'r4a-0128', 'r4a-0145']);

describe('tune sets (bench/masking/sets/tune, round6, round7, independent-r4a, round30-tune, round31-tune)', () => {
  const dirs = ['tune', 'round6', 'round7', 'independent-r4a', 'round30-tune', 'round31-tune'].map((d) => path.resolve(__dirname, '../../../bench/masking/sets', d));
  const recs = dirs
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => path.join(dir, f)))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.parse(l) as { id: string; text: string; spans: Array<{ start: number; end: number }>; negatives: Array<{ start: number; end: number }> });

  it('hides every labelled value and leaves every decoy visible', () => {
    const wrong: string[] = [];
    for (const r of recs) {
      const spans = detectSensitive(r.text);
      const covered = (i: number): boolean => spans.some((s) => s.start <= i && i < s.end);
      for (const g of r.spans) for (let i = g.start; i < g.end; i++) if (/[\p{L}\p{N}]/u.test(r.text[i]!) && !covered(i)) wrong.push(`${r.id} leaks ${r.text.slice(g.start, g.end)}`);
      for (const n of r.negatives) {
        const hit = spans.find((s) => s.start < n.end && n.start < s.end);
        // (round 18, fail closed: the value a customer says is wrong or not theirs, which these sets label a decoy, is
        // masked now when nothing but that explains it — masked only as fail-closed, never as a reading of it)
        if (hit && !(hit.confidence === FAIL_CLOSED_CONFIDENCE && FAIL_CLOSED_DECOYS.has(r.id))) wrong.push(`${r.id} masks ${r.text.slice(n.start, n.end)}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});
