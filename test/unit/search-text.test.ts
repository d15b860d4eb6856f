import { describe, expect, it } from 'vitest';
import { ftsExpression, highlightRanges, normalizeForSearch, queryTerms } from '../../main/core/store/search-text';

describe('search normalisation for Arabic and Persian', () => {
  it.each([
    ['alef with hamza above, below, madda, wasla', ['أحمد', 'إحمد', 'آحمد', 'ٱحمد', 'احمد']],
    ['waw and yeh with hamza', ['مسؤول', 'مسوول']],
    ['yeh with hamza', ['رئيس', 'رييس']],
    ['Arabic yeh, Persian yeh, alef maksura', ['علي', 'علی', 'على']],
    ['Arabic and Persian kaf', ['كتاب', 'کتاب']],
    ['teh marbuta and heh', ['مدرسة', 'مدرسه']],
    ['heh with yeh (Persian ezafe)', ['خانۀ', 'خانه']],
    ['tatweel', ['سـلام', 'سلام', 'ســــلام']],
    ['harakat and shadda', ['مُحَمَّد', 'محمد']],
    ['zero-width non-joiner', ['می‌خواهم', 'میخواهم']],
    ['Western, Arabic-Indic and Persian digits', ['2024', '٢٠٢٤', '۲۰۲۴']],
    ['Arabic presentation forms', ['ﻻ', 'لا']],
    ['Latin case and accents', ['Café', 'cafe', 'CAFÉ']],
  ])('%s are equivalent', (_label, forms) => {
    const normal = forms.map(normalizeForSearch);
    expect(new Set(normal).size).toBe(1);
  });

  it('keeps letters that are genuinely different apart', () => {
    expect(normalizeForSearch('كتب')).not.toBe(normalizeForSearch('كلب'));
    expect(normalizeForSearch('سلام')).not.toBe(normalizeForSearch('سلم'));
  });

  it('turns any input into quoted terms: nothing typed is FTS5 syntax', () => {
    const terms = queryTerms('NEAR(a b) OR "x" * ^col: -y');
    expect(ftsExpression(terms)).toBe('"near" "a" "b" "or" "x" "col" "y"');
    expect(queryTerms('!!! ...')).toEqual([]);
    expect(ftsExpression(queryTerms('سلام عليكم'))).toBe('"سلام" "عليكم"*');
  });

  it('gives highlight offsets in the original masked text, across normalisation', () => {
    const text = 'مرحبا يا أحـمـد، رقم الطلب ٤٥';
    const ranges = highlightRanges(text, queryTerms('احمد'));
    expect(ranges).toHaveLength(1);
    expect(text.slice(...ranges[0]!)).toBe('أحـمـد');
    const digits = highlightRanges(text, queryTerms('45'));
    expect(text.slice(...digits[0]!)).toBe('٤٥');
  });

  it('highlights whole words, the last term as a prefix', () => {
    const text = 'order ordering reorder';
    expect(highlightRanges(text, ['order']).map((r) => text.slice(...r))).toEqual(['order', 'ordering']);
    expect(highlightRanges(text, ['order', 'x']).map((r) => text.slice(...r))).toEqual(['order']);
  });
});

describe('the Arabic definite article', () => {
  it('is indexed with and without the article, and highlighted either way', async () => {
    const { indexBody } = await import('../../main/core/store/search-text');
    expect(indexBody('الفاتورة وبالطلب')).toBe('الفاتوره وبالطلب فاتوره طلب');
    expect(indexBody('plain text')).toBe('plain text');
    const text = 'أرسلنا الفاتورة أمس';
    expect(highlightRanges(text, queryTerms('فاتورة')).map((r) => text.slice(...r))).toEqual(['الفاتورة']);
  });
});

describe('the index form and the highlight form agree', () => {
  it('normalises the same whether with or without offsets (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { normalizeWithOffsets } = await import('../../main/core/store/search-text');
    const alphabet = [...'abcÉéÀ إأآاىيیكکةهـًٌٍَُِّْ٠١٢۰۱۲ 09‌‍ﻻ⟦⟧·'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        expect(normalizeWithOffsets(s).norm).toBe(normalizeForSearch(s));
      }),
    );
  });
});

describe('the words a body notes for prefix search (indexTerms)', () => {
  /** The rule as written before round 15: distinct tokens of at least four code points, counted by spreading. */
  const reference = (body: string) => [...new Set([...body.matchAll(/[\p{L}\p{N}\p{Co}]+/gu)].map((m) => m[0]).filter((w) => [...w].length >= 4))];

  it('keeps the words of at least four code points, astral letters and digits counted as one (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { indexTerms } = await import('../../main/core/store/search-text');
    // Letters and digits of every width: ASCII, Arabic, Persian digits, astral (a surrogate pair each), private use, separators.
    const alphabet = [...'ab9é', 'ع', 'ب', '۴', '٣', '𝐀', '𝟗', '𐐀', '\u{F0000}', '\uE000', ' ', '-', '·', '⟦', '⟧', '\u200c', '\ud800', '\udc00'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const body = chars.join('');
        expect(indexTerms(body)).toEqual(reference(body));
      }),
      { numRuns: 2000 },
    );
  });

  it('measures words without spreading each into an array (issue #26 round 15: every word of every ingested message)', async () => {
    const { indexTerms } = await import('../../main/core/store/search-text');
    const proto = String.prototype as unknown as Record<symbol, (this: string) => Iterator<string>>;
    const iterate = proto[Symbol.iterator]!;
    let spread = 0;
    proto[Symbol.iterator] = function (this: string) {
      spread++;
      return iterate.call(this);
    };
    try {
      expect(indexTerms('hello world of the invoice number ⟦CARD·••11⟧ 𝐀𝐁𝐂𝐃 مرحبا')).toEqual(['hello', 'world', 'invoice', 'number', 'CARD', '𝐀𝐁𝐂𝐃', 'مرحبا']);
    } finally {
      proto[Symbol.iterator] = iterate;
    }
    // Before: one a word (10).
    expect(spread).toBe(0);
  });
});
