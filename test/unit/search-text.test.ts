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
