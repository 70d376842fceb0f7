/**
 * Build step, run in Node through Vite's module runner (prerender-plugin.ts): the catalogue as the
 * app's first render draws it, in each UI language, so that index.html can show it before any of
 * the app's code has arrived. The app then hydrates that markup instead of drawing it again.
 *
 * The first render reads only `location.hash` and sets `document.documentElement.lang`; those two
 * are lent to it for the call and taken away after. The work is done while the module is imported:
 * Vite's module runner closes once the import is done, and the content loads by dynamic import.
 */
import { renderToString } from 'preact-render-to-string';
import { LANGUAGES, type Lang } from '../content/constants';
import { setLanguage } from '../i18n';
import { partsForRoute } from '../i18n/string-parts';
import { loadCatalogueTexts } from './content';
import { Root } from './Root';

type Globals = { location?: unknown; document?: unknown };

export async function prerenderCatalogue(lang: Lang): Promise<string> {
  const globals = globalThis as Globals;
  if (globals.location !== undefined || globals.document !== undefined) throw new Error('prerenderCatalogue runs only outside a browser');
  globals.location = { hash: '' };
  globals.document = { documentElement: {} };
  try {
    await Promise.all([setLanguage(lang, partsForRoute('catalogue')), loadCatalogueTexts(lang)]);
    return renderToString(<Root pkg={null} />);
  } finally {
    delete globals.location;
    delete globals.document;
  }
}

/** Every UI language's catalogue, one after another (the i18n instance is shared). */
export const catalogues = {} as Record<Lang, string>;
for (const lang of LANGUAGES) catalogues[lang] = await prerenderCatalogue(lang);
