/**
 * Serves the UI strings as virtual modules, one per language and part (string-parts.ts), read from
 * src/i18n/locales/<lang>.json: `virtual:kohtaamo/strings` holds a loader for each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { LANGUAGES } from '../content/constants.ts';
import { STRING_PARTS, splitStrings, type StringPart } from './string-parts.ts';

const INDEX = 'virtual:kohtaamo/strings';
const PART = /^virtual:kohtaamo\/strings\/(\w+)\/(\w+)$/;

/** whole: one chunk per language (a SCORM package loads every string at start, so parts would only add files). */
export function kohtaamoStrings({ whole = false }: { whole?: boolean } = {}): Plugin {
  const localeDir = join(import.meta.dirname, 'locales');
  const fileOf = (lang: string) => join(localeDir, `${lang}.json`);
  return {
    name: 'kohtaamo-strings',
    resolveId(id) {
      return id === INDEX || PART.test(id) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:kohtaamo/strings')) return null;
      const virtualId = id.slice(1);
      if (virtualId === INDEX) {
        const byLang = LANGUAGES.map(
          (lang) => `${lang}: { ${STRING_PARTS.map((part) => `${part}: () => import(${JSON.stringify(`${INDEX}/${lang}/${whole ? 'all' : part}`)})`).join(', ')} }`,
        );
        return `export const stringLoaders = {\n  ${byLang.join(',\n  ')}\n};\n`;
      }
      const [, lang, part] = PART.exec(virtualId) as unknown as [string, string, string];
      this.addWatchFile(fileOf(lang));
      const all = JSON.parse(readFileSync(fileOf(lang), 'utf8')) as Record<string, unknown>;
      const strings = part === 'all' ? all : splitStrings(all)[part as StringPart];
      if (!strings) this.error(`unknown string part "${part}"`);
      return `export default ${JSON.stringify(strings)};\n`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(localeDir)) return;
      for (const mod of server.moduleGraph.idToModuleMap.values()) if (mod.id?.startsWith('\0virtual:kohtaamo/strings')) server.moduleGraph.invalidateModule(mod);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
