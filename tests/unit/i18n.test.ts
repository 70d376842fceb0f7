import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/i18n';

const load = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../src/i18n/locales/${lang}.json`), 'utf8'));
const flatten = (obj: object, prefix = ''): Record<string, string> =>
  Object.entries(obj).reduce<Record<string, string>>((out, [k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v, key));
    else out[key] = Array.isArray(v) ? v.join('\n') : String(v);
    return out;
  }, {});
const base = (key: string) => key.replace(/_(one|other|zero|two|few|many)$/, '');

describe('UI strings', () => {
  const fi = flatten(load('fi'));
  for (const lang of ['sv', 'en']) {
    const other = flatten(load(lang));
    it(`${lang} has every string that fi has, and no other`, () => {
      const keys = (o: Record<string, string>) => [...new Set(Object.keys(o).map(base))].sort();
      expect(keys(other)).toEqual(keys(fi));
      for (const key of Object.keys(other).filter((k) => k.endsWith('_one'))) expect(other[key.replace(/_one$/, '_other')], key).toBeDefined();
    });
    it(`${lang} keeps every placeholder`, () => {
      const placeholders = (text = '') => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
      for (const [key, text] of Object.entries(fi)) {
        const twin = other[key] ?? other[`${base(key)}_other`];
        expect(placeholders(twin).join(), key).toBe(placeholders(text).join());
      }
    });
    it(`${lang} is really translated, not a copy of the Finnish`, () => {
      const same = Object.keys(fi).filter((k) => other[k] === fi[k] && /[a-zåäö]{4,}/i.test(fi[k]!.replace(/\{\{\w+\}\}/g, '')));
      // Names like "Kohtaamo" and addresses may stay the same; nothing more.
      expect(same.length, same.join(', ')).toBeLessThanOrEqual(4);
    });
  }
});

describe('choosing the language', () => {
  it('prefers the LMS, then the saved choice, then the browser, then Finnish', () => {
    expect(chooseLanguage({ lms: 'sv-FI', saved: 'en', browser: ['fi'] })).toBe('sv');
    expect(chooseLanguage({ lms: '', saved: 'en', browser: ['sv'] })).toBe('en');
    expect(chooseLanguage({ browser: ['de-DE', 'en-GB', 'fi'] })).toBe('en');
    expect(chooseLanguage({ lms: 'swe' })).toBe('sv');
    expect(chooseLanguage({ lms: 'de', browser: ['fr'] })).toBe('fi');
  });
});
