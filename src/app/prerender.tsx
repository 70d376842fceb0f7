/**
 * Build step, run in Node through Vite's module runner (prerender-plugin.ts): the catalogue and
 * every course's intro and pages as the app's first render draws them, in each UI language, so that
 * the page can show them before any of the app's code has arrived. The app then hydrates that
 * markup instead of drawing it again (main.tsx).
 *
 * The first render reads only `location.hash` and sets `document.documentElement.lang`; those two
 * are lent to it here and taken away after. The work is done while the module is imported: Vite's
 * module runner closes once the import is done, and the content loads by dynamic import.
 */
import { renderToString } from 'preact-render-to-string';
import { LANGUAGES, type Lang } from '../content/constants';
import { setLanguage } from '../i18n';
import { partsForRoute } from '../i18n/string-parts';
import { catalogue, loadCatalogueTexts, loadCourse } from './content';
import { preloadFirstView } from './first-render';
import { href, type Route } from './router';
import { Root } from './Root';

type Globals = { location?: { hash: string }; document?: unknown };

async function render(route: Route, lang: Lang): Promise<string> {
  const globals = globalThis as Globals;
  globals.location = { hash: href(route) };
  globals.document = { documentElement: {}, querySelector: () => null }; // no package meta tags: the site
  try {
    await Promise.all([setLanguage(lang, partsForRoute(route.name)), loadCatalogueTexts(lang), preloadFirstView(route, lang)]);
    return renderToString(<Root pkg={null} />);
  } finally {
    delete globals.location;
    delete globals.document;
  }
}

/** Where a drawn course view is served from, beside index.html (also read by the hint script). */
export function pageFile(route: Route, lang: string): string | null {
  if (route.name === 'course') return `pages/${lang}/${route.courseId}.html`;
  if (route.name === 'page') return `pages/${lang}/${route.courseId}/${route.moduleId}/${route.pageId}.html`;
  return null;
}

if ((globalThis as Globals).document !== undefined) throw new Error('prerender runs only outside a browser');

/** The catalogue in each UI language. */
export const catalogues = {} as Record<Lang, string>;
/** Each course's intro and pages in each UI language, by file (pageFile). */
export const pages: Record<string, string> = {};

// One after another: the i18n instance is shared.
for (const lang of LANGUAGES) {
  catalogues[lang] = await render({ name: 'catalogue' }, lang);
  for (const entry of catalogue.filter((e) => e.kind === 'course')) {
    const course = await loadCourse(entry.id, lang);
    if (!course) continue;
    const routes: Route[] = [
      { name: 'course', courseId: course.id },
      ...course.modules.flatMap((m) => m.pages.map((p): Route => ({ name: 'page', courseId: course.id, moduleId: m.id, pageId: p.id }))),
    ];
    for (const route of routes) pages[pageFile(route, lang)!] = await render(route, lang);
  }
}
