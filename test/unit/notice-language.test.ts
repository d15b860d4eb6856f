import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageOfText, noticeFor } from '../../main/core/workflow';

const persianOnly = fc.constantFrom('پ', 'چ', 'ژ', 'گ', 'ک', 'ی', '۱', '۷');
const arabicLetter = fc.constantFrom('ب', 'ت', 'ع', 'ق', 'ي', 'ك', 'ة', 'أ', '٣');
const latinLetter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzÉéçñ'.split(''));
const neutral = fc.constantFrom(' ', '1', '9', '!', '?', '👍', '\u200c', '-', '.', '‹phone›'.slice(0, 1));
const words = (letter: fc.Arbitrary<string>) => fc.array(fc.oneof(letter, neutral), { minLength: 1, maxLength: 40 }).map((xs) => xs.join(''));

const texts = {
  en: 'We never ask for a password or a code in a message.',
  ar: 'لن نطلب منك أبداً كلمة مرور أو رمزاً في رسالة.',
  fa: 'ما هرگز در پیام رمز یا کد از شما نمی‌خواهیم.',
};

describe('the language a first-contact notice goes out in', () => {
  it('reads the customer\'s script: Persian letters anywhere say Persian, other Arabic letters Arabic, Latin English', () => {
    fc.assert(
      fc.property(words(arabicLetter), persianOnly, words(latinLetter), (ar, fa, en) => {
        // Masked placeholders and quoted English inside an Arabic-script message do not make it English.
        expect(languageOfText(`${ar} ${fa} ${en}`)).toBe('fa');
        if (/[\u0621-\u064a\u0660-\u0669]/u.test(ar)) expect(languageOfText(`${en} ${ar}`)).toBe('ar');
        if (/[a-zñçé]/iu.test(en)) expect(languageOfText(en)).toBe('en');
      }),
    );
  });

  it('says nothing for text without letters, and the notice then goes in the first language written', () => {
    fc.assert(
      fc.property(fc.array(neutral, { maxLength: 30 }), (xs) => {
        expect(languageOfText(xs.join(''))).toBeNull();
        expect(noticeFor(texts, xs.join(''))).toEqual({ language: 'en', text: texts.en });
        expect(noticeFor({ fa: texts.fa, ar: texts.ar }, xs.join(''))).toEqual({ language: 'ar', text: texts.ar });
      }),
    );
  });

  it('picks the customer\'s language when the notice has it, the same script next, and never an empty text', () => {
    expect(noticeFor(texts, 'سلام، کارت من')).toEqual({ language: 'fa', text: texts.fa });
    expect(noticeFor(texts, 'مرحبا، بطاقتي')).toEqual({ language: 'ar', text: texts.ar });
    expect(noticeFor(texts, 'hello')).toEqual({ language: 'en', text: texts.en });
    expect(noticeFor({ en: texts.en, ar: texts.ar }, 'سلام، کارت من')).toEqual({ language: 'ar', text: texts.ar });
    expect(noticeFor({ en: texts.en, fa: texts.fa }, 'مرحبا')).toEqual({ language: 'fa', text: texts.fa });
    expect(noticeFor({ fa: texts.fa }, 'hello')).toEqual({ language: 'fa', text: texts.fa });
    expect(noticeFor({}, 'hello')).toBeNull();
  });
});
