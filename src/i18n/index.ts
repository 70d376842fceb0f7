/** i18next set-up. Finnish ships with the app; Swedish and English load when chosen. */
import i18next from 'i18next';
import { LANGUAGES, type Lang } from '../content/constants';

export const UI_LANGUAGES: readonly Lang[] = LANGUAGES;

export const i18n = i18next.createInstance();

// Each UI language is its own chunk: a learner downloads only the one they read.
const loaders: Record<Lang, () => Promise<{ default: object }>> = {
  fi: () => import('./locales/fi.json'),
  sv: () => import('./locales/sv.json'),
  en: () => import('./locales/en.json'),
};

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

export async function setLanguage(lang: Lang): Promise<void> {
  if (!i18n.isInitialized) {
    await i18n.init({
      lng: lang,
      fallbackLng: false, // a missing string must show up in tests, not hide behind Finnish
      resources: {},
      interpolation: { escapeValue: false }, // Preact escapes text itself
      returnNull: false,
    });
  }
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    i18n.addResourceBundle(lang, 'translation', (await loaders[lang]()).default);
  }
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
