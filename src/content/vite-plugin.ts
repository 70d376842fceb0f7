/**
 * Serves compiled content to the app as virtual modules: a small catalogue loaded with the app,
 * and one lazily loaded chunk per course and language. No Markdown or YAML parser ships.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildContent, type ContentBuild } from './build-content.ts';
import { formatProblem } from './problems.ts';
import { coverage, coverageTable } from './coverage.ts';
import { courseOutline, coursePart, partNames } from './course-parts.ts';

const CATALOGUE = 'virtual:kohtaamo/catalogue';
const COURSE = 'virtual:kohtaamo/course/';
const COURSE_PART = 'virtual:kohtaamo/course-part/';
const GAME = 'virtual:kohtaamo/game/';
const PRACTICES = 'virtual:kohtaamo/practices/';
const PLAIN_LANGUAGE = 'virtual:kohtaamo/plain-language';

export function kohtaamoContent(options: { root: string; only?: string[] }): Plugin {
  let content: ContentBuild | null = null;
  const contentDir = resolve(options.root, 'content');
  const load = () => (content ??= buildContent(options.root, options.only));

  let serving = false;
  return {
    name: 'kohtaamo-content',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    buildStart() {
      const build = load();
      const { problems } = build;
      if (!serving) console.log(`Translation coverage:\n${coverageTable(coverage(build))}`);
      if (problems.length > 0) {
        this.error(`content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
      }
    },
    resolveId(id) {
      if (id === CATALOGUE || id === PLAIN_LANGUAGE || id.startsWith(COURSE) || id.startsWith(COURSE_PART) || id.startsWith(GAME) || id.startsWith(PRACTICES)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:kohtaamo/')) return null;
      const build = load();
      if (!serving) this.addWatchFile(contentDir); // the dev server watches content itself
      const virtualId = id.slice(1);
      if (virtualId === CATALOGUE) {
        const loaders = build.courses
          .map((c) => `${JSON.stringify(c.meta.id)}: {${c.languages
            .map((l) => `${l}: () => import(${JSON.stringify(`${COURSE}${c.meta.id}/${l}`)})`)
            .join(', ')}}`)
          .join(',\n  ');
        const gameLoaders = build.games
          .map((g) => `${JSON.stringify(g.meta.id)}: {${g.languages
            .map((l) => `${l}: () => import(${JSON.stringify(`${GAME}${g.meta.id}/${l}`)})`)
            .join(', ')}}`)
          .join(',\n  ');
        const practiceLoaders = (['fi', 'sv', 'en'] as const).map((l) => `${l}: () => import(${JSON.stringify(`${PRACTICES}${l}`)})`).join(', ');
        return `export const catalogue = ${JSON.stringify(build.catalogue)};\nexport const loaders = {\n  ${loaders}\n};\nexport const gameLoaders = {\n  ${gameLoaders}\n};\nexport const practiceLoaders = { ${practiceLoaders} };\n`;
      }
      if (virtualId === PLAIN_LANGUAGE) {
        return `export default ${JSON.stringify(build.plainLanguage.profiles)};\n`;
      }
      if (virtualId.startsWith(PRACTICES)) {
        const lang = virtualId.slice(PRACTICES.length) as 'fi' | 'sv' | 'en';
        return `export default ${JSON.stringify(build.practices.cards[lang] ?? [])};\n`;
      }
      if (virtualId.startsWith(GAME)) {
        const [gameId, lang] = virtualId.slice(GAME.length).split('/');
        const game = build.games.find((g) => g.meta.id === gameId)?.compiled[lang as 'fi'];
        if (!game) return this.error(`no compiled game for ${virtualId}`);
        return `export default ${JSON.stringify(game)};\n`;
      }
      // A course is an outline plus one chunk per module (course-parts.ts): a page needs only its own.
      const isPart = virtualId.startsWith(COURSE_PART);
      const [courseId, lang, partName] = virtualId.slice(isPart ? COURSE_PART.length : COURSE.length).split('/');
      const course = build.courses.find((c) => c.meta.id === courseId);
      const compiled = course?.compiled[lang as keyof typeof course.compiled];
      if (!course || !compiled) return this.error(`no compiled content for ${virtualId}`);
      // Images become Vite assets: hashed files next to the app, relative URLs, no network.
      const withAssets = (value: unknown): [string, string] => {
        const body = JSON.stringify(value);
        const used = [...new Set([...body.matchAll(/"asset:(\d+)"/g)].map((m) => Number(m[1])))];
        const imports = used.map((i) => `import asset${i} from ${JSON.stringify(`${course.assets[i]}?url`)};`).join('\n');
        return [imports, body.replace(/"asset:(\d+)"/g, (_, n: string) => `asset${n}`)];
      };
      if (isPart) {
        const [imports, body] = withAssets(coursePart(compiled, partName!));
        return `${imports}\nexport default ${body};\n`;
      }
      const parts = partNames(compiled).map((name) => `${JSON.stringify(name)}: () => import(${JSON.stringify(`${COURSE_PART}${courseId}/${lang}/${name}`)})`);
      const [imports, body] = withAssets(courseOutline(compiled));
      return `${imports}\nexport const outline = ${body};\nexport const parts = { ${parts.join(', ')} };\n`;
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(contentDir);
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(contentDir)) return;
        content = null;
        const problems = load().problems;
        for (const p of problems) server.config.logger.error(formatProblem(p));
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:kohtaamo/')) server.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

