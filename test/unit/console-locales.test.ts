import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve('renderer/src/i18n/locales');
const load = (lang: string) => JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;

function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, String(v));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('console translations', () => {
  const en = flatten(load('en'));
  it.each(['ar', 'fa'])('%s has every English string, with the same placeholders, none left empty or in English', (lang) => {
    const other = flatten(load(lang));
    expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      const t = other.get(key)!;
      expect(placeholders(t), key).toEqual(placeholders(text));
      if (text.trim() && /[a-z]{4,}/.test(text) && !key.startsWith('language.') && !key.endsWith('agentName') && key !== 'session.reasons.other') {
        expect(t, `${lang}:${key} is not translated`).not.toBe(text);
      }
    }
  });
});
