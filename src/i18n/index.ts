/**
 * i18next set-up. Each language's strings load in parts (string-parts.ts) when first needed: a
 * learner downloads only the language they read, and a first view only the part it shows.
 */
import i18next from 'i18next';
import { stringLoaders } from 'virtual:kohtaamo/strings';
import { LANGUAGES, type Lang } from '../content/constants';
import { STRING_PARTS, type StringPart } from './string-parts';

export const UI_LANGUAGES: readonly Lang[] = LANGUAGES;

export const i18n = i18next.createInstance();

/** The first language that fits: the LMS's learner preference, the saved choice, the browser's, Finnish. */
export function chooseLanguage(sources: { lms?: string; saved?: string; browser?: readonly string[] }): Lang {
  const candidates = [sources.lms, sources.saved, ...(sources.browser ?? [])];
  for (const candidate of candidates) {
    const code = (candidate ?? '').trim().toLowerCase();
    // "sv-FI", "swe", "en_GB", "fin" → sv, en, fi
    const lang = UI_LANGUAGES.find((l) => code === l || code.startsWith(`${l}-`) || code.startsWith(`${l}_`) || code === { fi: 'fin', sv: 'swe', en: 'eng' }[l]);
    if (lang) return lang;
  }
  return 'fi';
}

const loaded = new Set<string>();

/** Whether these parts of a language's strings are in. */
export function hasStrings(lang: Lang, parts: readonly StringPart[]): boolean {
  return parts.every((part) => loaded.has(`${lang}/${part}`));
}

/** Loads parts of a language's strings (in parallel); parts already in cost nothing. */
export async function loadStrings(lang: Lang, parts: readonly StringPart[] = STRING_PARTS): Promise<void> {
  await Promise.all(
    parts
      .filter((part) => !loaded.has(`${lang}/${part}`))
      .map(async (part) => {
        const loader = stringLoaders[lang]?.[part];
        if (!loader) throw new Error(`no UI strings "${part}" for ${lang}`);
        const strings = (await loader()).default;
        i18n.addResourceBundle(lang, 'translation', strings, true, true);
        loaded.add(`${lang}/${part}`);
      }),
  );
}

/** Switches the UI language once the given parts of its strings (all, unless told) are in. */
export async function setLanguage(lang: Lang, parts: readonly StringPart[] = STRING_PARTS): Promise<void> {
  if (!i18n.isInitialized) {
    await i18n.init({
      lng: lang,
      fallbackLng: false, // a missing string must show up in tests, not hide behind Finnish
      resources: {},
      interpolation: { escapeValue: false }, // Preact escapes text itself
      returnNull: false,
    });
  }
  await loadStrings(lang, parts);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export const t = i18n.t.bind(i18n);

/** Stored data may hold a date JavaScript cannot show (NaN, beyond ±8.64e15 ms): show a dash, never throw. */
const isRealDate = (value: number | Date) => Number.isFinite(+value) && Math.abs(+value) <= 8.64e15;

/**
 * The locale whose conventions the UI language follows: Finnish and Finland-Swedish write 4.12.2026,
 * and the English is British (4 December 2026), whatever the browser's own region.
 */
export function dateLocale(lang = i18n.language): string {
  return lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-FI' : 'fi-FI';
}

/** Formats a date for the UI language with Intl (no hand-made date strings). */
export function formatDate(value: number | Date, lang = i18n.language): string {
  if (!isRealDate(value)) return '–';
  const month = lang === 'en' ? 'long' : 'numeric';
  return new Intl.DateTimeFormat(dateLocale(lang), { day: 'numeric', month, year: 'numeric' }).format(value);
}

export function formatDateTime(value: number | Date, lang = i18n.language): string {
  if (!isRealDate(value)) return '–';
  const month = lang === 'en' ? 'long' : 'numeric';
  return new Intl.DateTimeFormat(dateLocale(lang), { day: 'numeric', month, year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(value);
}

/** Study time as whole minutes, in words of the UI language ("12 minuuttia"). */
export function formatMinutes(ms: number, lang = i18n.language): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.round(ms / 60_000));
}
