/**
 * Start-up. The catalogue renders as soon as the UI strings are in; local storage (Dexie) loads
 * beside it and fills in the learner's status. A SCORM package first restores its LMS data.
 * On the site the page may already show the catalogue or a course view drawn at build time
 * (prerender-plugin.ts): the app hydrates it.
 */
import { hydrate, render, type ComponentChild } from 'preact';
import { chooseLanguage, setLanguage as setUiLanguage } from '../i18n';
import type { StringPart } from '../i18n/string-parts';
import type { Lang } from '../content/constants';
import { findEntry, loadCatalogueTexts } from './content';
import { packageInfo } from '../lms/package-info';
import { savedLanguage } from './language-memory';
import { Root } from './Root';
import { prefetchFirstView } from './prefetch';
import { href, parseHash } from './router';
import { isPackageHome, packageStartRoute } from './package-start';
import { partsForRoute } from '../i18n/string-parts';
import { EARLY_PRESSES, PRERENDERED_ATTRIBUTE, PRERENDERED_ROUTE_ATTRIBUTE } from './prerendered';
import { preloadFirstView } from './first-render';
import './styles.css';

/** The UI strings (the parts given, or all) and the catalogue's titles in that language. */
const setLanguage = (lang: Lang, parts?: readonly StringPart[]) => Promise.all([setUiLanguage(lang, parts), loadCatalogueTexts(lang)]);

/** The hint script starts this module itself (first-view-hints.ts), possibly before the page is parsed. */
const domReady = () =>
  document.readyState === 'loading' ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })) : Promise.resolve();

/** Buttons of the drawn view pressed before the app took over (first-view-hints.ts keeps them). */
function takeEarlyPresses(): HTMLElement[] {
  const store = window as unknown as Record<string, HTMLElement[] | undefined>;
  const pressed = store[EARLY_PRESSES] ?? [];
  delete store[EARLY_PRESSES];
  return pressed;
}

/**
 * Draws the app into #app, taking over the view drawn at build time when it is what the app would
 * draw (the same route, in the same language); anything else there is replaced.
 */
async function show(app: ComponentChild, root: HTMLElement, lang: Lang) {
  const drawn = () => root.getAttribute(PRERENDERED_ATTRIBUTE) === lang && root.getAttribute(PRERENDERED_ROUTE_ATTRIBUTE) === location.hash;
  // The first render must match the markup: the course view's code and content in hand.
  if (drawn()) await preloadFirstView(parseHash(location.hash), lang).catch(() => undefined);
  const same = drawn(); // the learner may have moved on meanwhile
  const prerendered = root.hasAttribute(PRERENDERED_ATTRIBUTE);
  for (const element of [root, document.documentElement]) [PRERENDERED_ATTRIBUTE, PRERENDERED_ROUTE_ATTRIBUTE].forEach((a) => element.removeAttribute(a));
  const pressed = takeEarlyPresses();
  if (same) {
    hydrate(app, root);
    if (pressed.length === 0) return;
    // The same nodes, now with their handlers; pressed once the views' effects have run (Preact runs
    // them after the next frame), so that none of them undoes the press.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    for (const button of pressed) if (root.contains(button)) button.click();
    return;
  }
  if (prerendered) root.replaceChildren();
  render(app, root);
}

async function start() {
  await domReady();
  const root = document.getElementById('app')!;
  const pkg = packageInfo();
  if (!pkg) {
    const chosen = () => chooseLanguage({ saved: savedLanguage(), browser: navigator.languages });
    let lang = chosen();
    prefetchFirstView(location.hash, lang);
    // Only the strings the first view shows; the rest follow once it has painted (Root).
    await setLanguage(lang, partsForRoute(parseHash(location.hash).name));
    // On a view drawn at build time the learner may have chosen another language meanwhile.
    while (chosen() !== lang) {
      lang = chosen();
      await setLanguage(lang, partsForRoute(parseHash(location.hash).name));
    }
    await show(<Root pkg={null} />, root, lang);
    return;
  }
  // A package talks to its LMS before anything is shown: the LMS's data is the source of truth.
  // What does not depend on each other runs side by side: code, UI strings, the store, the LMS,
  // and the course view with the course's outline, which the first view will need.
  const firstLang = chooseLanguage({ saved: savedLanguage(), browser: navigator.languages });
  const storeOpened = import('../storage/progress').then(({ ProgressStore }) => ProgressStore.open('kohtaamo'));
  const isCourse = findEntry(pkg.courseId)?.kind === 'course';
  const viewAhead = isCourse ? preloadFirstView({ name: 'course', courseId: pkg.courseId }, firstLang).catch(() => undefined) : undefined;
  const [store, { startLms }, lmsViews] = await Promise.all([
    storeOpened,
    import('../lms/package-mode'),
    import('../lms/LmsStatus'),
    setLanguage(firstLang),
  ]);
  const [profile, lms] = await Promise.all([store.getProfile().catch(() => undefined), startLms(pkg, store, 'fi')]);
  const lang = chooseLanguage({ lms: lms.lmsLang, saved: profile?.lang ?? savedLanguage(), browser: navigator.languages });
  // Straight to where the learner left off: no catalogue shows on the way.
  let route = parseHash(location.hash);
  if (isPackageHome(route)) {
    route = await packageStartRoute(pkg, store);
    location.replace(href(route));
  }
  await Promise.all([setLanguage(lang), viewAhead, preloadFirstView(route, lang).catch(() => undefined)]);
  render(<Root pkg={pkg} store={store} lms={lms.link} lmsViews={lmsViews} />, root);
}

void start();
