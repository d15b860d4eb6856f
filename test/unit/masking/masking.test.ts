import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MASKING_HINTS, detectSensitive, maskMessage, maskText, parseMaskedText, type MaskingHints, type SensitiveType } from '../../../main/core/masking';
import { luhnValid } from '../../../main/core/masking/checksums';

const SHOW_NOTHING: MaskingHints = Object.fromEntries(Object.keys(DEFAULT_MASKING_HINTS).map((t) => [t, { showLast: 0, showDomain: false }]));
const SCRIPTS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];
const toScript = (s: string, digits: string): string => s.replace(/[0-9]/g, (d) => digits[+d]!);
const alnum = (s: string): string[] => [...s].filter((c) => /[\p{L}\p{N}]/u.test(c));

function luhnComplete(payload: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(payload + c)) return payload + c;
  throw new Error('unreachable');
}

const digitsArb = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const valueArb = fc.oneof(
  digitsArb(8).map((d) => ({ type: 'PHONE' as SensitiveType, value: `05${['0', '3', '5'][+d[0]! % 3]}${d.slice(1)}`, label: 'رقمي' })),
  digitsArb(14).map((d) => ({ type: 'CARD' as SensitiveType, value: luhnComplete('4' + d), label: 'card' })),
  digitsArb(8).map((d) => ({ type: 'NATIONAL_ID' as SensitiveType, value: luhnComplete('1' + d), label: 'رقم الهوية' })),
  digitsArb(6).map((d) => ({ type: 'OTP' as SensitiveType, value: '9' + d.slice(1), label: 'رمز التحقق' })),
  fc.stringMatching(/^[a-z]{3,8}\.[a-z]{2,6}$/).map((u) => ({ type: 'EMAIL' as SensitiveType, value: `${u}@example.com`, label: 'email' })),
);

/**
 * Free text after the value, a currency among it ("900000 sAR", "900000 KD"): each value has its label right before it
 * (across an emoji too: "رمز التحقق 😀 900000 KD"), which names it whatever follows.
 */
const tailArb = fc.oneof(fc.string({ maxLength: 12 }), fc.tuple(fc.constantFrom('SAR', 'sar', 'KD', 'DA', 'LE', 'usd', 'Dhs'), fc.string({ maxLength: 6 })).map(([c, t]) => `${c}${t}`));

describe('maskText', () => {
  it('leaves none of a detected value\'s digits or letters visible (property)', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom(...SCRIPTS), fc.constantFrom('', '\u200f', '\u2066', '😀 '), tailArb, ({ type, value, label }, script, wrap, tail) => {
        const v = toScript(value, script);
        const text = `${label} ${wrap}${v}${wrap === '\u2066' ? '\u2069' : ''} ${tail.replace(/[\p{N}@]/gu, '')}`;
        const spans = detectSensitive(text);
        const hit = spans.find((s) => s.type === type);
        expect(hit, `${type} in ${JSON.stringify(text)}`).toBeDefined();
        const { masked, fields } = maskText(text, spans, SHOW_NOTHING);
        for (const f of fields) {
          expect(masked.slice(f.start, f.end)).toBe(`⟦${f.type}⟧`);
        }
        // the masked text minus its tokens must not contain the value's characters in sequence, nor any of them
        // beyond what the surrounding text itself contains
        const outside = parseMaskedText(masked).filter((s) => s.kind === 'text').map((s) => (s as { text: string }).text).join('');
        const before = text.slice(0, hit!.start) + text.slice(hit!.end);
        for (const c of new Set(alnum(v))) {
          const count = (s: string): number => [...s].filter((x) => x === c).length;
          expect(count(outside)).toBeLessThanOrEqual(count(before));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows only the allowed tail by default and caps what hints can reveal', () => {
    const text = 'رقمي 0551234567 وبطاقتي 4111 1111 1111 1111 ورمز التحقق 482917';
    const r = maskMessage(text);
    expect(r.masked).toBe('رقمي ⟦PHONE·••67⟧ وبطاقتي ⟦CARD·••1111⟧ ورمز التحقق ⟦OTP⟧');
    const greedy = maskMessage(text, { PHONE: { showLast: 99 }, OTP: { showLast: 6 } });
    expect(greedy.masked).toContain('⟦PHONE·••567⟧'); // capped to a third of the value
    expect(greedy.masked).toContain('⟦OTP⟧');
    expect(maskMessage('email a.person@example.com', { EMAIL: { showDomain: true } }).masked).toBe('email ⟦EMAIL·…@example.com⟧');
  });

  it('reports each field with masked and original offsets', () => {
    const text = '😀 call 0551234567 now';
    const r = maskMessage(text);
    expect(r.fields).toHaveLength(1);
    const f = r.fields[0]!;
    expect(text.slice(f.originalStart, f.originalEnd)).toBe('0551234567');
    expect(r.masked.slice(f.start, f.end)).toBe('⟦PHONE·••67⟧');
  });

  it('merges overlapping spans and never splits a surrogate pair', () => {
    const text = 'ab😀cd';
    const r = maskText(text, [{ type: 'OTP', start: 3, end: 5 }, { type: 'OTP', start: 4, end: 6 }]);
    expect(r.masked).toBe('ab⟦OTP⟧');
    expect(r.fields[0]).toMatchObject({ originalStart: 2, originalEnd: 6 });
  });

  it('customer text cannot forge a token', () => {
    const r = maskMessage('fake ⟦PHONE·••00⟧ chip, real 0551234567');
    const tokens = parseMaskedText(r.masked).filter((s) => s.kind === 'token');
    expect(tokens).toHaveLength(1);
    expect(r.masked).toContain('〚PHONE·••00〛');
  });
});

describe('parseMaskedText', () => {
  it('round-trips segments with offsets', () => {
    const m = 'a ⟦PHONE·••42⟧ b ⟦NATIONAL_ID⟧';
    expect(parseMaskedText(m)).toEqual([
      { kind: 'text', text: 'a ', start: 0, end: 2 },
      { kind: 'token', type: 'PHONE', shown: '••42', start: 2, end: 14 },
      { kind: 'text', text: ' b ', start: 14, end: 17 },
      { kind: 'token', type: 'NATIONAL_ID', shown: '', start: 17, end: 30 },
    ]);
    expect(parseMaskedText('⟦NOT_A_TYPE⟧')).toEqual([{ kind: 'text', text: '⟦NOT_A_TYPE⟧', start: 0, end: 12 }]);
  });
});
