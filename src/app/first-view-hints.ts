/**
 * Which files the first view will need, decided in the HTML before the app's own code has loaded.
 * The build writes `firstViewFiles` into index.html as a small inline script (see
 * first-view-hints-plugin.ts) that asks for those files at once, so view code, UI strings and
 * content arrive beside the app instead of one round trip after it.
 *
 * The functions are serialised with toString(): they must not use anything outside their own bodies
 * but each other (by name) and the page's globals.
 * A wrong guess (a language the LMS overrides later, say) only costs one unneeded download.
 */

export interface HintMap {
  /** UI strings per language, in parts (src/i18n/string-parts.ts). */
  strings: Record<string, Record<string, string[]>>;
  /** The string parts a first view needs, by the first part of the route; any other route needs all. */
  stringParts: Record<string, string[]>;
  /** View code by the first part of the route ("course", "game", "practices", "my"…). */
  views: Record<string, string[]>;
  /**
   * Content chunks: "course/<id>/<lang>" (the outline), "course-part/<id>/<lang>/<module id or @test>",
   * "game/<id>/<lang>", "practices/<lang>", "catalogue-texts/<lang>" (titles and descriptions).
   */
  content: Record<string, string[]>;
  /** Per course id, its pages ("<module id>/<page id>") with a knowledge check: their code is hinted too. */
  quizPages: Record<string, string[]>;
  /** For a SCORM package: the kind of each piece of content, and the code a package loads first. */
  kinds: Record<string, 'course' | 'game'>;
  packageCode: string[];
}

export interface HintInput {
  hash: string;
  saved: string | null | undefined;
  browser: readonly string[];
  /** The content id of a SCORM package (its meta tag), or null on the site. */
  packageId: string | null;
}

/** The UI language the app will choose (the same order as chooseLanguage): saved choice, browser languages, Finnish. */
export function firstViewLanguage(languages: readonly string[], input: Pick<HintInput, 'saved' | 'browser'>): string {
  const aliases: Record<string, string> = { fin: 'fi', swe: 'sv', eng: 'en' };
  const candidates = [input.saved, ...input.browser];
  for (const candidate of candidates) {
    const code = String(candidate ?? '').trim().toLowerCase();
    for (const known of languages) {
      if (code === known || code.indexOf(known + '-') === 0 || code.indexOf(known + '_') === 0 || aliases[code] === known) return known;
    }
  }
  return 'fi';
}

/** Serialised beside firstViewLanguage, which it calls by name (see hintScript). */
export function firstViewFiles(map: HintMap, input: HintInput): string[] {
  const lang = firstViewLanguage(Object.keys(map.strings), input);
  const files: string[] = [];
  const add = (list: string[] | undefined) => {
    for (const file of list ?? []) if (files.indexOf(file) < 0) files.push(file);
  };
  const parts = input.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const first = parts[0] ?? '';
  const strings = map.strings[lang] ?? {};
  const stringParts = input.packageId ? Object.keys(strings) : map.stringParts[first] ?? Object.keys(strings);
  for (const part of stringParts) add(strings[part]);
  add(map.content[`catalogue-texts/${lang}`]);
  if (input.packageId) {
    const kind = map.kinds[input.packageId] ?? 'course';
    add(map.packageCode);
    add(map.views[kind]);
    // A package reads its content in Finnish first to talk to the LMS, then in the learner's language.
    for (const l of ['fi', lang]) {
      add(map.content[`${kind}/${input.packageId}/${l}`]);
      for (const name in map.content) if (name.indexOf(`course-part/${input.packageId}/${l}/`) === 0) add(map.content[name]);
    }
    return files;
  }
  add(map.views[first]);
  // The final test and the certificate have code of their own.
  if (first === 'course' && parts.length === 3 && (parts[2] === 'test' || parts[2] === 'certificate')) add(map.views[`course/${parts[2]}`]);
  // A broken escape stays as it is: it names no content, so nothing is guessed for it.
  const decoded = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  if ((first === 'course' || first === 'game') && parts[1]) {
    const id = decoded(parts[1]);
    add(map.content[`${first}/${id}/${lang}`]);
    // A course page needs its module; the test and certificate every part; the intro none.
    const coursePart = `course-part/${id}/${lang}/`;
    if (first === 'course' && parts.length >= 4) {
      const moduleId = decoded(parts[2]!);
      const pageId = decoded(parts[3]!);
      add(map.content[coursePart + moduleId]);
      if ((map.quizPages[id] ?? []).indexOf(moduleId + '/' + pageId) >= 0) add(map.views['course/quiz']);
    }
    else if (first === 'course' && (parts[2] === 'test' || parts[2] === 'certificate')) {
      for (const name in map.content) if (name.indexOf(coursePart) === 0) add(map.content[name]);
    }
  }
  if (first === 'practices') add(map.content[`practices/${lang}`]);
  return files;
}

/**
 * The app's own start, when the build took it out of the page (site builds, where the catalogue is
 * in the HTML and each course view is a file beside it): its entry module and the files the entry
 * imports at once.
 */
export interface AppStart {
  entry: string;
  imports: string[];
  /** The languages the views were drawn in (prerender-plugin.ts). */
  prerendered: string[];
  /** Marks `<html>` with the language shown, `#app` with the language and the route drawn (prerendered.ts). */
  attribute: string;
  routeAttribute: string;
  /** Where the learner's language choice is kept (language-memory.ts). */
  languageKey: string;
  /** The global that keeps buttons pressed before the app took over (prerendered.ts). */
  earlyPresses: string;
}

/**
 * Asks for the first view's files. With `app`, starts the app too: at once where nothing was drawn
 * at build time; on the catalogue (in the page) and on a course's intro or page (a file beside it,
 * fetched here, far smaller than the code that draws it) once that has been painted, so that the
 * app's code does not hold the first paint back. Until the app takes over, the skip link and the
 * language buttons work on their own. Serialised like firstViewFiles.
 */
export function loadFirstView(files: string[], app: AppStart | null, hash: string, lang: string): void {
  // The view's files are marked; the app's own are not (they are not a guess).
  const preload = (file: string, view = true) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = file;
    if (view) link.setAttribute('data-first-view', '');
    document.head.appendChild(link);
  };
  if (!app) {
    files.forEach((file) => preload(file));
    return;
  }
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    files.forEach((file) => preload(file));
    app.imports.forEach((file) => preload(file, false));
    const script = document.createElement('script');
    script.type = 'module';
    script.src = app.entry;
    document.head.appendChild(script);
  };
  const route = hash.replace(/^#\/?/, '');
  const parts = route.split('/');
  // Once the service worker serves the app's code, that is quicker than a view from the network.
  const cached = Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
  const coursePage = parts[0] === 'course' && (parts.length === 2 || parts.length === 4) && parts.every((p) => /^[a-z0-9-]+$/.test(p));
  const page = coursePage && !cached ? 'pages/' + lang + '/' + parts.slice(1).join('/') + '.html' : null;
  if (app.prerendered.indexOf(lang) < 0 || (route !== '' && !page)) return start();
  const root = document.documentElement;
  const view = () => document.getElementById('app');
  const drawn = () => view()?.hasAttribute(app.attribute) === true;
  const afterPaint = () => {
    // A page opened in the background paints nothing until shown: nothing to wait for.
    if (document.visibilityState === 'hidden') return start();
    try {
      new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) start();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      requestAnimationFrame(() => setTimeout(start, 0));
    }
  };
  setTimeout(start, 3000); // should the view not arrive, or no paint be reported
  document.addEventListener('click', (event) => {
    if (!drawn()) return; // the app has taken over
    const target = event.target as Element;
    if (target.closest('.skip-link')) {
      event.preventDefault();
      document.getElementById('main')?.focus();
      return;
    }
    const button = target.closest('button');
    if (button && !button.closest('.language-switch') && view()!.contains(button)) {
      // Its handler is not there yet (nor a form's, which would reload the page): the app presses
      // it again once it is (main.tsx).
      event.preventDefault();
      const pending = ((window as unknown as Record<string, Element[]>)[app.earlyPresses] ??= []);
      pending.push(button);
      return;
    }
    const chosen = target.closest('.language-switch button[lang]')?.getAttribute('lang');
    if (!chosen || chosen === view()!.getAttribute(app.attribute)) return;
    try {
      localStorage.setItem(app.languageKey, chosen); // the app starts in it
    } catch {
      // not kept: the app starts in the language it chooses
    }
    const other = document.getElementById('prerendered-' + chosen) as HTMLTemplateElement | null;
    if (route !== '' || !other) return;
    view()!.replaceChildren(other.content.cloneNode(true));
    view()!.setAttribute(app.attribute, chosen);
    root.setAttribute(app.attribute, chosen);
    root.lang = chosen;
    view()!.querySelector<HTMLElement>('.language-switch button[lang="' + chosen + '"]')?.focus();
  });
  if (!page) {
    // The script after #app copies the catalogue in (prerender-plugin.ts).
    root.setAttribute(app.attribute, lang);
    return afterPaint();
  }
  fetch(page)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
    .then((html) => {
      const put = () => {
        const into = view();
        if (started || !into || into.firstChild) return start();
        into.innerHTML = html;
        into.setAttribute(app.attribute, lang);
        into.setAttribute(app.routeAttribute, hash);
        root.setAttribute(app.attribute, lang);
        root.lang = lang;
        afterPaint();
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', put);
      else put();
    })
    .catch(start);
}
