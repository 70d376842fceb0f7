/**
 * Build step: writes the first-view hints into index.html (see first-view-hints.ts) and allows
 * that one inline script in the page's Content-Security-Policy by its hash.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { LANGUAGES } from '../content/constants.ts';
import { firstViewFiles, firstViewLanguage, loadFirstView, type AppStart, type HintMap } from './first-view-hints.ts';
import { EARLY_PRESSES, PRERENDERED_ATTRIBUTE, PRERENDERED_ROUTE_ATTRIBUTE } from './prerendered.ts';
import { LANGUAGE_KEY } from './language-memory.ts';
import { partsForRoute } from '../i18n/string-parts.ts';

interface ChunkInfo {
  type: 'chunk' | 'asset';
  fileName: string;
  facadeModuleId?: string | null;
  imports?: string[];
  isEntry?: boolean;
}

/** The code each route's first view loads; views that show or keep stored data wait for storage (App.tsx). */
const VIEWS: Record<string, string[]> = {
  course: ['/src/course/CourseView.tsx'],
  'course/test': ['/src/course/FinalTest.tsx'],
  'course/certificate': ['/src/course/Certificate.tsx'],
  game: ['/src/game/GameView.tsx', '/src/storage/progress.ts'],
  practices: ['/src/practices/PracticeLibrary.tsx', '/src/storage/progress.ts'],
  my: ['/src/app/MyLearning.tsx', '/src/storage/progress.ts'],
  accessibility: ['/src/app/AccessibilityStatement.tsx'],
  join: ['/src/live/JoinView.tsx'],
  tools: ['/src/plain-language/CheckerView.tsx'],
  // Only on a page with a knowledge check (HintMap.quizPages).
  'course/quiz': ['/src/course/questions/KnowledgeCheck.tsx'],
};
const PACKAGE_CODE = ['/src/storage/progress.ts', '/src/lms/package-mode.ts', '/src/lms/LmsStatus.tsx'];
const CONTENT = /^\0virtual:kohtaamo\/(course|game|practices)\/(.+)$/;
const CATALOGUE_TEXTS = /^\0virtual:kohtaamo\/catalogue-texts\/(\w+)$/;
const COURSE_PART = /^\0virtual:kohtaamo\/course-part\/(.+)$/;
const STRINGS = /^\0virtual:kohtaamo\/strings\/(\w+)\/(\w+)$/;

/** Builds the map from the bundle: each chunk with the chunks it imports, minus the app's entry. */
export function hintMap(bundle: Record<string, ChunkInfo>, quizPages: HintMap['quizPages'] = {}): HintMap {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const entryFiles = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...(c.imports ?? [])]));
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const withImports = (chunk: ChunkInfo): string[] => {
    const seen = new Set<string>();
    const visit = (c: ChunkInfo) => {
      if (seen.has(c.fileName) || entryFiles.has(c.fileName)) return;
      seen.add(c.fileName);
      for (const name of c.imports ?? []) {
        const next = byFile.get(name);
        if (next) visit(next);
      }
    };
    visit(chunk);
    return [...seen].map((file) => `./${file}`);
  };
  const byModule = (suffix: string) => chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(suffix));

  // The hints read only the route's first part: "" is the catalogue, "course" any course view, "join" a phone's.
  const stringParts = { '': [...partsForRoute('catalogue')], course: [...partsForRoute('page')], join: [...partsForRoute('join')] };
  const map: HintMap = { strings: {}, stringParts, views: {}, content: {}, quizPages, kinds: {}, packageCode: [] };
  const filesOf = (modules: string[]) => {
    const found = modules.map(byModule).filter((chunk) => chunk !== undefined);
    return [...new Set(found.flatMap(withImports))];
  };
  for (const [route, modules] of Object.entries(VIEWS)) map.views[route] = filesOf(modules);
  map.packageCode = filesOf(PACKAGE_CODE);
  const written = new Map<string, string[]>(); // "course/<id>" → languages written
  for (const chunk of chunks) {
    const strings = chunk.facadeModuleId && STRINGS.exec(chunk.facadeModuleId);
    if (strings) (map.strings[strings[1]!] ??= {})[strings[2]!] = withImports(chunk);
    const texts = chunk.facadeModuleId && CATALOGUE_TEXTS.exec(chunk.facadeModuleId);
    if (texts) map.content[`catalogue-texts/${texts[1]}`] = withImports(chunk);
    const part = chunk.facadeModuleId && COURSE_PART.exec(chunk.facadeModuleId);
    if (part) map.content[`course-part/${part[1]}`] = withImports(chunk);
    const content = chunk.facadeModuleId && CONTENT.exec(chunk.facadeModuleId);
    if (!content) continue;
    const [, kind, rest] = content as unknown as [string, 'course' | 'game' | 'practices', string];
    map.content[`${kind}/${rest}`] = withImports(chunk);
    if (kind === 'practices') continue;
    const id = rest.slice(0, rest.lastIndexOf('/'));
    map.kinds[id] = kind;
    written.set(`${kind}/${id}`, [...(written.get(`${kind}/${id}`) ?? []), rest.slice(id.length + 1)]);
  }
  // A language a course is not written in falls back to its first language, as the app does.
  for (const [key, langs] of written) {
    const first = LANGUAGES.find((l) => langs.includes(l)) ?? langs[0]!;
    for (const lang of LANGUAGES) map.content[`${key}/${lang}`] ??= map.content[`${key}/${first}`]!;
    if (!key.startsWith('course/')) continue;
    const partsOf = (lang: string) => `course-part/${key.slice('course/'.length)}/${lang}/`;
    for (const [name, files] of Object.entries(map.content)) {
      if (!name.startsWith(partsOf(first))) continue;
      for (const lang of LANGUAGES) map.content[partsOf(lang) + name.slice(partsOf(first).length)] ??= files;
    }
  }
  return map;
}

export function hintScript(map: HintMap, app: AppStart | null = null): string {
  const fn = (f: (...args: never[]) => unknown) => `var ${f.name}=${f.toString()};`;
  return (
    `(function(){${fn(firstViewLanguage)}${fn(firstViewFiles)}${fn(loadFirstView)}var map=${JSON.stringify(map)},input={` +
    `hash:location.hash,saved:(function(){try{return localStorage.getItem(${JSON.stringify(LANGUAGE_KEY)})}catch(e){return null}})(),` +
    `browser:navigator.languages||[navigator.language],` +
    `packageId:(document.querySelector('meta[name="kohtaamo-package"]')||{}).content||null};` +
    `loadFirstView(firstViewFiles(map,input),${JSON.stringify(app)},input.hash,firstViewLanguage(Object.keys(map.strings),input))})()`
  );
}

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const ENTRY_IMPORT = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/** Takes Vite's tags for the app's entry out of the page: the hint script starts the app instead. */
export function takeEntry(html: string, prerendered: readonly string[]): { html: string; app: AppStart } {
  const entry = ENTRY_SCRIPT.exec(html);
  if (!entry) throw new Error('index.html: no module script for the app entry');
  const imports = [...html.matchAll(ENTRY_IMPORT)].map((m) => m[1]!);
  return {
    html: html.replace(ENTRY_SCRIPT, '').replace(ENTRY_IMPORT, ''),
    app: { entry: entry[1]!, imports, prerendered: [...prerendered], attribute: PRERENDERED_ATTRIBUTE, routeAttribute: PRERENDERED_ROUTE_ATTRIBUTE, languageKey: LANGUAGE_KEY, earlyPresses: EARLY_PRESSES },
  };
}

/**
 * prerendered: the languages whose catalogue the page holds (site builds, prerender-plugin.ts); the
 * hint script then also starts the app, after the catalogue's first paint.
 */
export function firstViewHints({ prerendered = [] }: { prerendered?: readonly string[] } = {}): Plugin {
  let quizPages: () => HintMap['quizPages'] = () => ({});
  return {
    name: 'kohtaamo-first-view-hints',
    apply: 'build',
    configResolved(config) {
      const content = config.plugins.find((p) => p.name === 'kohtaamo-content');
      if (content?.api) quizPages = (content.api as { quizPages: typeof quizPages }).quizPages;
    },
    transformIndexHtml: {
      order: 'post',
      handler(original, ctx) {
        if (!ctx.bundle) return original;
        const { html, app } = prerendered.length > 0 ? takeEntry(original, prerendered) : { html: original, app: null };
        const script = hintScript(hintMap(ctx.bundle as unknown as Record<string, ChunkInfo>, quizPages()), app);
        const hash = createHash('sha256').update(script).digest('base64');
        if (!html.includes("script-src 'self'")) throw new Error("index.html: the Content-Security-Policy must have script-src 'self'");
        // Before the stylesheet: an inline script waits for the stylesheets above it. Where the page
        // keeps Vite's entry tags (a package), after them: the app's own code is asked for first, not
        // queued behind the many files the script hints.
        const at = html.search(app ? /<script type="module"|<link rel="stylesheet"/ : /<link rel="stylesheet"/);
        if (at < 0) throw new Error('index.html: no module script or stylesheet to put the first-view hints before');
        return `${html.slice(0, at).replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`)}<script>${script}</script>\n    ${html.slice(at)}`;
      },
    },
  };
}
