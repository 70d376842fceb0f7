/** i18next set-up. Finnish ships with the app; other UI languages load when chosen. */
import i18next from 'i18next';
import fi from './locales/fi.json';
import type { Lang } from '../content/schema';

export const UI_LANGUAGES: Lang[] = ['fi'];

export const i18n = i18next.createInstance();

export async function initI18n(lang: Lang = 'fi'): Promise<void> {
  await i18n.init({
    lng: lang,
    fallbackLng: 'fi',
    resources: { fi: { translation: fi } },
    interpolation: { escapeValue: false }, // Preact escapes text itself
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
}

export const t = i18n.t.bind(i18n);

/** Formats a date for the UI language with Intl (no hand-made date strings). */
export function formatDate(value: number | Date, lang = i18n.language): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'numeric', year: 'numeric' }).format(value);
}

export function formatDateTime(value: number | Date, lang = i18n.language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(value);
}

/** Study time as whole minutes, in words of the UI language ("12 minuuttia"). */
export function formatMinutes(ms: number, lang = i18n.language): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.round(ms / 60_000));
}
