/**
 * Which language a first-contact notice goes out in: the customer's, as far as their first message shows it.
 * Letters only Persian uses (پ چ ژ گ ک ی and the Persian digits) say Persian; other Arabic-script letters say
 * Arabic; Latin letters say English. A message with no letters (a sticker, a number) says nothing, and the notice
 * goes in the first language the team wrote (English, then Arabic, then Persian).
 */
export const NOTICE_LANGUAGES = ['en', 'ar', 'fa'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

const PERSIAN_ONLY = /[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06f0-\u06f9]/u;
const ARABIC_SCRIPT = /[\u0621-\u064a\u0660-\u0669\u0671-\u06d3]/u;
const LATIN = /[A-Za-z\u00c0-\u024f]/u;

/** The language a customer's text is written in, or null when it has no letters that tell. */
export function languageOfText(text: string): NoticeLanguage | null {
  if (PERSIAN_ONLY.test(text)) return 'fa';
  if (ARABIC_SCRIPT.test(text)) return 'ar';
  if (LATIN.test(text)) return 'en';
  return null;
}

/**
 * The notice text for this customer: their language when the notice has it; a Persian writer without a Persian
 * text gets the Arabic one (the same script) before the English one; otherwise the first language written.
 */
export function noticeFor(texts: Partial<Record<NoticeLanguage, string>>, customerText: string): { language: NoticeLanguage; text: string } | null {
  const wanted = languageOfText(customerText);
  const order: NoticeLanguage[] = wanted === 'fa' ? ['fa', 'ar', 'en'] : wanted === 'ar' ? ['ar', 'fa', 'en'] : wanted === 'en' ? ['en', 'ar', 'fa'] : [...NOTICE_LANGUAGES];
  for (const language of order) {
    const text = texts[language];
    if (text) return { language, text };
  }
  return null;
}
