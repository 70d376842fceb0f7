import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { firstViewFiles, type HintMap } from '../../src/app/first-view-hints';
import { hintMap, hintScript, takeEntry } from '../../src/app/first-view-hints-plugin';
import { href, parseHash, type Route } from '../../src/app/router';
import { chooseLanguage } from '../../src/i18n';

const map: HintMap = {
  // Each language's strings in parts: the catalogue needs the shell, a course view the course part too.
  strings: Object.fromEntries(['fi', 'sv', 'en'].map((l) => [l, { shell: [`${l}.js`], course: [`${l}-course.js`], more: [`${l}-more.js`] }])),
  stringParts: { '': ['shell'], course: ['shell', 'course'] },
  views: { course: ['CourseView.js', 'shared.js'], game: ['GameView.js', 'shared.js'], practices: ['Library.js', 'shared.js'], my: ['MyLearning.js', 'progress.js'] },
  content: {
    'course/ä-kurssi/fi': ['c-fi.js'],
    'course/ä-kurssi/sv': ['c-sv.js'],
    'course/ä-kurssi/en': ['c-fi.js'],
    'game/peli/fi': ['g-fi.js'],
    'game/peli/sv': ['g-sv.js'],
    'game/peli/en': ['g-en.js'],
    'practices/fi': ['p-fi.js'],
    'practices/en': ['p-en.js'],
  },
  quizPages: {},
  kinds: { 'ä-kurssi': 'course', peli: 'game' },
  packageCode: ['progress.js', 'package-mode.js'],
};
const site = { saved: null, browser: [] as string[], packageId: null };

describe('first-view hints', () => {
  it('guesses the UI language exactly as the app chooses it', () => {
    const saved = [null, '', 'sv', 'EN', 'de', 'fin', 'sv_FI'];
    const browsers = [[], ['fi-FI'], ['de-DE', 'sv-SE', 'en'], ['en-GB', 'fi'], ['swe'], ['nb', 'da']];
    for (const s of saved) {
      for (const browser of browsers) {
        const lang = chooseLanguage({ saved: s ?? undefined, browser });
        expect(firstViewFiles(map, { hash: '#/', saved: s, browser, packageId: null }), `${s} ${browser.join()}`).toEqual([`${lang}.js`]);
      }
    }
  });

  it('asks for the view and content the route shows, as the router reads it', () => {
    const routes: Route[] = [
      { name: 'catalogue' },
      { name: 'course', courseId: 'ä-kurssi' },
      { name: 'page', courseId: 'ä-kurssi', moduleId: 'm', pageId: 'p' },
      { name: 'test', courseId: 'ä-kurssi' },
      { name: 'game-play', gameId: 'peli' },
      { name: 'workshop', gameId: 'peli' },
      { name: 'practices' },
      { name: 'my-learning' },
    ];
    for (const route of routes) {
      const hash = href(route);
      expect(parseHash(hash)).toEqual(route);
      const files = firstViewFiles(map, { ...site, hash, browser: ['sv-FI'] });
      const allStrings = ['sv.js', 'sv-course.js', 'sv-more.js'];
      if ('courseId' in route) expect(files).toEqual(['sv.js', 'sv-course.js', 'CourseView.js', 'shared.js', 'c-sv.js']);
      else if ('gameId' in route) expect(files).toEqual([...allStrings, 'GameView.js', 'shared.js', 'g-sv.js']);
      else if (route.name === 'practices') expect(files).toEqual([...allStrings, 'Library.js', 'shared.js']); // no Swedish cards in this map
      else if (route.name === 'my-learning') expect(files).toEqual([...allStrings, 'MyLearning.js', 'progress.js']);
      else expect(files).toEqual(['sv.js']);
    }
    expect(firstViewFiles(map, { ...site, hash: '#/course/tuntematon' })).toEqual(['fi.js', 'fi-course.js', 'CourseView.js', 'shared.js']);
    expect(firstViewFiles(map, { ...site, hash: '#/course/%E0%A4%A' })).toEqual(['fi.js', 'fi-course.js', 'CourseView.js', 'shared.js']);
  });

  it("asks for a course page's own module only, and for every part on the test", () => {
    const parts: HintMap = {
      ...map,
      content: { ...map.content, 'course-part/ä-kurssi/sv/m1': ['m1-sv.js'], 'course-part/ä-kurssi/sv/m2': ['m2-sv.js'], 'course-part/ä-kurssi/sv/@test': ['t-sv.js'] },
    };
    const input = { ...site, browser: ['sv-FI'] };
    const shell = ['sv.js', 'sv-course.js', 'CourseView.js', 'shared.js', 'c-sv.js'];
    expect(firstViewFiles(parts, { ...input, hash: href({ name: 'page', courseId: 'ä-kurssi', moduleId: 'm2', pageId: 'p' }) })).toEqual([...shell, 'm2-sv.js']);
    expect(firstViewFiles(parts, { ...input, hash: href({ name: 'course', courseId: 'ä-kurssi' }) })).toEqual(shell);
    expect(firstViewFiles(parts, { ...input, hash: href({ name: 'test', courseId: 'ä-kurssi' }) })).toEqual([...shell, 'm1-sv.js', 'm2-sv.js', 't-sv.js']);
    expect(firstViewFiles(parts, { ...input, hash: '#/course/ä-kurssi/%E0%A4%A/p' })).toEqual(shell);
  });

  it("asks for the knowledge check's code only on a page that has one", () => {
    const quiz: HintMap = {
      ...map,
      views: { ...map.views, 'course/quiz': ['KnowledgeCheck.js', 'shared.js'] },
      content: { ...map.content, 'course-part/ä-kurssi/fi/m1': ['m1.js'] },
      quizPages: { 'ä-kurssi': ['m1/kysymys', 'm1/ä-sivu'] },
    };
    const page = (pageId: string) => firstViewFiles(quiz, { ...site, hash: href({ name: 'page', courseId: 'ä-kurssi', moduleId: 'm1', pageId }) });
    const shell = ['fi.js', 'fi-course.js', 'CourseView.js', 'shared.js', 'c-fi.js', 'm1.js'];
    expect(page('teksti')).toEqual(shell);
    expect(page('kysymys')).toEqual([...shell, 'KnowledgeCheck.js']);
    expect(page('ä-sivu')).toEqual([...shell, 'KnowledgeCheck.js']);
    expect(firstViewFiles(quiz, { ...site, hash: '#/course/ä-kurssi/quiz' })).toEqual(['fi.js', 'fi-course.js', 'CourseView.js', 'shared.js', 'c-fi.js']);
  });

  it('in a SCORM package asks for storage, LMS code and the content in Finnish and the learner language', () => {
    expect(firstViewFiles(map, { hash: '', saved: 'en', browser: [], packageId: 'peli' })).toEqual(['en.js', 'en-course.js', 'en-more.js', 'progress.js', 'package-mode.js', 'GameView.js', 'shared.js', 'g-fi.js', 'g-en.js']);
    expect(firstViewFiles(map, { hash: '', saved: null, browser: [], packageId: 'ä-kurssi' })).toEqual(['fi.js', 'fi-course.js', 'fi-more.js', 'progress.js', 'package-mode.js', 'CourseView.js', 'shared.js', 'c-fi.js']);
  });
});

describe('hint map from the bundle', () => {
  const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = [], isEntry = false) => ({ type: 'chunk' as const, fileName, facadeModuleId, imports, isEntry });
  const bundle = Object.fromEntries(
    [
      chunk('assets/index.js', '/p/src/app/main.tsx', ['assets/helper.js'], true),
      chunk('assets/helper.js', null),
      chunk('assets/CourseView.js', '/p/src/course/CourseView.tsx', ['assets/index.js', 'assets/helper.js', 'assets/shared.js']),
      chunk('assets/shared.js', null, ['assets/deep.js']),
      chunk('assets/deep.js', null),
      chunk('assets/fi.js', '\0virtual:kohtaamo/strings/fi/shell'),
      chunk('assets/fi-more.js', '\0virtual:kohtaamo/strings/fi/more'),
      chunk('assets/en.js', '\0virtual:kohtaamo/strings/en/shell'),
      chunk('assets/sv-course.js', '\0virtual:kohtaamo/course/kurssi/sv'),
      chunk('assets/en-course.js', '\0virtual:kohtaamo/course/kurssi/en'),
      chunk('assets/game-fi.js', '\0virtual:kohtaamo/game/peli/fi'),
    ].map((c) => [c.fileName, c]),
  );

  it('lists each chunk with what it imports, leaving out the app entry and its imports', () => {
    const built = hintMap(bundle);
    expect(built.views.course).toEqual(['./assets/CourseView.js', './assets/shared.js', './assets/deep.js']);
    expect(built.strings).toEqual({ fi: { shell: ['./assets/fi.js'], more: ['./assets/fi-more.js'] }, en: { shell: ['./assets/en.js'] } });
    expect(built.stringParts).toEqual({ '': ['shell'], course: ['shell', 'course'], join: ['shell', 'join'] });
    expect(built.kinds).toEqual({ kurssi: 'course', peli: 'game' });
  });

  it('falls back to the first written language, as the app does', () => {
    const built = hintMap(bundle);
    expect(built.content['course/kurssi/fi']).toEqual(['./assets/sv-course.js']);
    expect(built.content['course/kurssi/en']).toEqual(['./assets/en-course.js']);
    expect(built.content['game/peli/sv']).toEqual(['./assets/game-fi.js']);
  });

  it('runs as a standalone script in the page and adds one preload per file', () => {
    const links: { rel: string; href: string; attrs: Record<string, string> }[] = [];
    const document = {
      querySelector: () => null,
      createElement: () => {
        const link = { rel: '', href: '', attrs: {} as Record<string, string>, setAttribute: (k: string, v: string) => (link.attrs[k] = v) };
        return link;
      },
      head: { appendChild: (l: (typeof links)[number]) => links.push(l) },
    };
    runInNewContext(hintScript(hintMap(bundle)), {
      document,
      location: { hash: '#/course/kurssi/m/p' },
      localStorage: { getItem: () => 'en' },
      navigator: { languages: ['sv'] },
    });
    expect(links.map((l) => [l.rel, l.href, 'data-first-view' in l.attrs])).toEqual([
      ['modulepreload', './assets/en.js', true],
      ['modulepreload', './assets/CourseView.js', true],
      ['modulepreload', './assets/shared.js', true],
      ['modulepreload', './assets/deep.js', true],
      ['modulepreload', './assets/en-course.js', true],
    ]);
  });

  describe('starting the app (site builds, where the page holds the catalogue)', () => {
    const app = { entry: './assets/index.js', imports: ['./assets/app-shared.js'], prerendered: ['en'], attribute: 'data-prerendered', routeAttribute: 'data-prerendered-route', languageKey: 'kohtaamo.lang', earlyPresses: 'kohtaamoEarlyPresses' };
    /** Runs the script in a page stub; returns what it added to the head and how it marked <html>. */
    function page(hash: string, saved: string | null, options: { hidden?: boolean; observer?: boolean; controlled?: boolean } = {}) {
      const fetched: string[] = [];
      const added: { tag: string; href: string; type?: string }[] = [];
      const marks: Record<string, string> = {};
      const timers: (() => void)[] = [];
      const observers: ((list: { getEntriesByName(name: string): unknown[] }) => void)[] = [];
      const element = (tag: string) => {
        const el = { tag, rel: '', href: '', src: '', type: '', setAttribute: () => undefined };
        return el;
      };
      const context = {
        document: {
          querySelector: () => null,
          createElement: element,
          head: { appendChild: (el: ReturnType<typeof element>) => added.push({ tag: el.tag, href: el.href || el.src, ...(el.type ? { type: el.type } : {}) }) },
          documentElement: { setAttribute: (k: string, v: string) => (marks[k] = v) },
          visibilityState: options.hidden ? 'hidden' : 'visible',
          addEventListener: () => undefined,
        },
        location: { hash },
        localStorage: { getItem: () => saved },
        navigator: { languages: [], ...(options.controlled ? { serviceWorker: { controller: {} } } : {}) },
        fetch: (url: string) => {
          fetched.push(url);
          return new Promise(() => undefined); // still on its way
        },
        setTimeout: (fn: () => void) => timers.push(fn),
        requestAnimationFrame: (fn: () => void) => fn(),
        PerformanceObserver:
          options.observer === false
            ? undefined
            : class {
                constructor(private readonly callback: (typeof observers)[number]) {}
                observe() {
                  observers.push(this.callback);
                }
              },
      };
      runInNewContext(hintScript(hintMap(bundle), app), context);
      const paint = (name: string) => observers.forEach((o) => o({ getEntriesByName: (n) => (n === name ? [{}] : []) }));
      return { added, marks, timers, paint, fetched };
    }
    const scripts = (added: { tag: string; type?: string }[]) => added.filter((a) => a.tag === 'script');

    it('where nothing was drawn at build time, asks for the files and starts the app at once', () => {
      const { added, marks, fetched } = page('#/course/kurssi/m/p', 'fi');
      expect(fetched).toEqual([]);
      expect(added.map((a) => a.href)).toEqual(['./assets/fi.js', './assets/CourseView.js', './assets/shared.js', './assets/deep.js', './assets/sv-course.js', './assets/app-shared.js', './assets/index.js']);
      expect(scripts(added)).toEqual([{ tag: 'script', href: './assets/index.js', type: 'module' }]);
      expect(marks).toEqual({});
    });

    it('on the catalogue, marks the language shown and starts the app only after the first contentful paint', () => {
      const { added, marks, paint } = page('#/', 'en');
      expect(marks).toEqual({ 'data-prerendered': 'en' });
      expect(added).toEqual([]);
      paint('first-paint');
      expect(added).toEqual([]);
      paint('first-contentful-paint');
      expect(scripts(added)).toHaveLength(1);
      paint('first-contentful-paint');
      expect(scripts(added)).toHaveLength(1); // once
    });

    it("on a course page, fetches the page drawn at build time and waits; once a service worker serves the app's code, does not", () => {
      const first = page('#/course/kurssi/m/p', 'en');
      expect(first.fetched).toEqual(['pages/en/kurssi/m/p.html']);
      expect(first.added).toEqual([]);
      expect(page('#/course/kurssi', 'en').fetched).toEqual(['pages/en/kurssi.html']);
      expect(page('#/course/kurssi/test', 'en').fetched).toEqual([]);
      expect(page('#/course/%C3%A4/m/p', 'en').fetched).toEqual([]); // not a file name the build writes
      const cached = page('#/course/kurssi/m/p', 'en', { controlled: true });
      expect(cached.fetched).toEqual([]);
      expect(scripts(cached.added)).toHaveLength(1);
    });

    it('does not wait in a hidden tab, without a paint report, or for a language the page does not hold', () => {
      expect(scripts(page('', 'en', { hidden: true }).added)).toHaveLength(1);
      const unreported = page('', 'en');
      unreported.timers.forEach((fn) => fn());
      expect(scripts(unreported.added)).toHaveLength(1);
      const noObserver = page('', 'en', { observer: false });
      expect(noObserver.timers).toHaveLength(2); // the safety timer, and the one after the next frame
      noObserver.timers[1]!();
      expect(scripts(noObserver.added)).toHaveLength(1);
      const finnish = page('#/', 'fi');
      expect(finnish.marks).toEqual({});
      expect(scripts(finnish.added)).toHaveLength(1);
    });
  });

  it("takes Vite's entry tags out of the page", () => {
    const html = '<head>\n<script type="module" crossorigin src="./assets/index-A.js"></script>\n    <link rel="modulepreload" crossorigin href="./assets/app-shared-B.js">\n    <link rel="stylesheet" crossorigin href="./assets/index.css">\n</head>';
    const taken = takeEntry(html, ['fi']);
    expect(taken.app).toEqual({ entry: './assets/index-A.js', imports: ['./assets/app-shared-B.js'], prerendered: ['fi'], attribute: 'data-prerendered', routeAttribute: 'data-prerendered-route', languageKey: 'kohtaamo.lang', earlyPresses: 'kohtaamoEarlyPresses' });
    expect(taken.html).toBe('<head>\n<link rel="stylesheet" crossorigin href="./assets/index.css">\n</head>');
    expect(() => takeEntry('<head></head>', ['fi'])).toThrow(/no module script/);
  });
});
