/** The learner's language choice, kept in localStorage too so the very first paint is right. */
import type { Lang } from '../content/constants';

export const LANGUAGE_KEY = 'kohtaamo.lang';

export function savedLanguage(): string | undefined {
  try {
    return localStorage.getItem(LANGUAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage blocked (sandboxed iframe, privacy settings)
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // not kept; the profile in IndexedDB still has it when that works
  }
}
