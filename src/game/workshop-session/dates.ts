/** Dates in the workshop screens in the reader's locale: 4.12.2026, 4 Dec 2026, 4 dec. 2026. */
import { i18n } from '../../i18n';

const LOCALES: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function formatDay(value: number | Date, lang = i18n.language): string {
  return new Intl.DateTimeFormat(LOCALES[lang] ?? lang, { dateStyle: 'medium' }).format(value);
}

/** A yyyy-mm-dd date (an action's due date) in the locale's format; anything else as it is. */
export function formatDue(iso: string, lang = i18n.language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? formatDay(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), lang) : iso;
}
