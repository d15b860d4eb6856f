import { useTranslation } from 'react-i18next';
import type { Language } from './i18n';
import { useUi, type DigitStyle } from './stores/ui';

/** The Intl locale for a language and digit style: Arabic-Indic for Arabic, Extended Arabic-Indic for Persian. */
export function intlLocale(lang: Language, digits: DigitStyle): string {
  if (lang === 'ar') return digits === 'native' ? 'ar-u-nu-arab' : 'ar-u-nu-latn';
  if (lang === 'fa') return digits === 'native' ? 'fa-u-nu-arabext' : 'fa-u-nu-latn';
  return 'en-u-nu-latn';
}

export interface Formatter {
  number(n: number): string;
  time(ms: number): string;
  dateTime(ms: number): string;
  day(isoDay: string): string;
  duration(ms: number | null): string;
  clock(ms: number): string;
  /** "a, b and c" in the language's own words and punctuation. */
  list(items: string[]): string;
}

export function makeFormatter(locale: string): Formatter {
  const num = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const unit = (value: number, u: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2 });
  const list = new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' });
  return {
    number: (n) => num.format(n),
    list: (items) => list.format(items),
    time: (ms) => (Date.now() - ms < 86_400_000 ? time.format(ms) : dateTime.format(ms)),
    dateTime: (ms) => dateTime.format(ms),
    day: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
    duration: (ms) => {
      if (ms === null) return '—';
      if (ms < 3_600_000) return unit(Math.round(ms / 60_000), 'minute');
      if (ms < 86_400_000) return unit(Math.round(ms / 360_000) / 10, 'hour');
      return unit(Math.round(ms / 8_640_000) / 10, 'day');
    },
    clock: (ms) => {
      const s = Math.max(0, Math.ceil(ms / 1000));
      return `${num.format(Math.floor(s / 60))}:${two.format(s % 60)}`;
    },
  };
}

const cache = new Map<string, Formatter>();

/** Numbers, times and durations in the user's language and digit style. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const digits = useUi((s) => s.digits);
  const locale = intlLocale(i18n.language as Language, digits);
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = makeFormatter(locale)));
  return f;
}
