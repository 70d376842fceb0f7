/**
 * Serves compiled content to the app as virtual modules: a small catalogue loaded with the app,
 * and one lazily loaded chunk per course and language. No Markdown or YAML parser ships.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { buildContent, type ContentBuild } from './build-content.ts';
import { formatProblem } from './problems.ts';
import { coverage, coverageTable } from './coverage.ts';

const CATALOGUE = 'virtual:kohtaamo/catalogue';
const COURSE = 'virtual:kohtaamo/course/';
const GAME = 'virtual:kohtaamo/game/';
const PRACTICES = 'virtual:kohtaamo/practices/';
/** The facilitator guides: a loader map, and one chunk per game and language (never loaded by players). */
const FACILITATOR = 'virtual:kohtaamo/facilitator';
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
      if (id === CATALOGUE || id === PLAIN_LANGUAGE || id.startsWith(FACILITATOR) || id.startsWith(COURSE) || id.startsWith(GAME) || id.startsWith(PRACTICES)) return `\0${id}`;
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
      if (virtualId === FACILITATOR) {
        const loaders = build.facilitator
          .map((f) => `${JSON.stringify(f.gameId)}: {${Object.keys(f.guides).map((l) => `${l}: () => import(${JSON.stringify(`${FACILITATOR}/${f.gameId}/${l}`)})`).join(', ')}}`)
          .join(',\n  ');
        return `export const guideLoaders = {\n  ${loaders}\n};\n`;
      }
      if (virtualId.startsWith(`${FACILITATOR}/`)) {
        const [gameId, lang] = virtualId.slice(FACILITATOR.length + 1).split('/');
        const guide = build.facilitator.find((f) => f.gameId === gameId)?.guides[lang as 'fi'];
        if (!guide) return this.error(`no facilitator guide for ${virtualId}`);
        return `export default ${JSON.stringify(guide)};\n`;
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
      const [courseId, lang] = virtualId.slice(COURSE.length).split('/');
      const course = build.courses.find((c) => c.meta.id === courseId);
      const compiled = course?.compiled[lang as keyof typeof course.compiled];
      if (!course || !compiled) return this.error(`no compiled content for ${virtualId}`);
      // Images become Vite assets: hashed files next to the app, relative URLs, no network.
      const imports = course.assets.map((path, i) => `import asset${i} from ${JSON.stringify(`${path}?url`)};`).join('\n');
      const body = JSON.stringify(compiled).replace(/"asset:(\d+)"/g, (_, n: string) => `asset${n}`);
      return `${imports}\nexport default ${body};\n`;
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
