/** The content the build compiled in: the catalogue now, each course when it is opened. */
import { catalogue, gameLoaders, loaders } from 'virtual:kohtaamo/catalogue';
import type { CompiledGame } from '../content/game-schema';
import type { CatalogueEntry, CompiledCourse, Lang } from '../content/schema';
import { offeredGame } from '../lms/package-options';

export { catalogue };

export function findEntry(id: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.id === id);
}

/** The course in the wanted language, or in its first language when that one is not written. */
export async function loadCourse(id: string, lang: Lang): Promise<CompiledCourse | null> {
  const byLang = loaders[id];
  if (!byLang) return null;
  const loader = byLang[lang] ?? Object.values(byLang)[0];
  return loader ? (await loader()).default : null;
}

/** The game in the wanted language, or in its first language when that one is not written. */
export async function loadGame(id: string, lang: Lang): Promise<CompiledGame | null> {
  const byLang = gameLoaders[id];
  if (!byLang) return null;
  const loader = byLang[lang] ?? Object.values(byLang)[0];
  return loader ? offeredGame((await loader()).default) : null;
}
