/** Suomi · Svenska · English: each name in its own language, marked with its lang. */
import type { Lang } from '../content/schema';
import { t, UI_LANGUAGES } from '../i18n';

const NAMES: Record<Lang, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange?: (lang: Lang) => void }) {
  if (!onChange) return null;
  return (
    <nav class="language-switch" aria-label={t('language.choose')}>
      <ul>
        {UI_LANGUAGES.map((l) => (
          <li key={l}>
            <button type="button" class="link" lang={l} aria-pressed={l === lang} onClick={() => l !== lang && onChange(l)}>
              {NAMES[l]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
