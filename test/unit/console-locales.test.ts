import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve('renderer/src/i18n/locales');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
/** As i18n/index.ts merges them: an area's own file (locales/workflow/) under its key. */
const load = (lang: string) => ({ ...read(`${lang}.json`), workflow: read(`workflow/${lang}.json`) });

function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** i18next's plural suffixes: a key `x_one` … `x_other` is the plural key `x`, in the categories of each language. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseOf = (key: string) => key.replace(PLURAL, '');
const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

describe('console translations', () => {
  const en = flatten(load('en'));
  const enBase = new Map<string, string>();
  for (const [k, v] of en) if (!enBase.has(baseOf(k)) || k.endsWith('_other')) enBase.set(baseOf(k), v);

  it.each(['ar', 'fa'])('%s has every English string, with the same placeholders, none left empty or in English', (lang) => {
    const other = flatten(load(lang));
    expect([...new Set([...other.keys()].map(baseOf))].sort()).toEqual([...enBase.keys()].sort());
    for (const [key, t] of other) {
      const text = en.get(key) ?? enBase.get(baseOf(key))!;
      // A plural form may say the number in words ("محادثتان"); it never brings a placeholder English lacks.
      if (PLURAL.test(key)) expect(placeholders(t).every((p) => placeholders(text).includes(p)), key).toBe(true);
      else expect(placeholders(t), key).toEqual(placeholders(text));
      if (text.trim() && /[a-z]{4,}/.test(text) && !key.startsWith('language.') && !key.endsWith('agentName') && key !== 'session.reasons.other') {
        expect(t, `${lang}:${key} is not translated`).not.toBe(text);
      }
    }
  });

  it.each(['en', 'ar', 'fa'])('%s gives every plural key exactly the plural forms its language has (Arabic: zero, one, two, few, many, other)', (lang) => {
    const keys = [...flatten(load(lang)).keys()];
    const plurals = new Set(keys.filter((k) => PLURAL.test(k)).map(baseOf));
    expect(plurals.size).toBeGreaterThanOrEqual(5);
    for (const base of plurals) {
      const forms = keys.filter((k) => baseOf(k) === base && PLURAL.test(k)).map((k) => PLURAL.exec(k)![1]).sort();
      expect(forms, base).toEqual([...categories(lang)].sort());
      expect(keys, `${base} has no plain form next to its plural forms`).not.toContain(base);
    }
  });
});
