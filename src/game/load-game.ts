/** Loads a game's compiled content; games load only with the views that play or guide them. */
import { gameLoaders } from 'virtual:kohtaamo/catalogue';
import type { CompiledGame } from '../content/game-schema';
import type { Lang } from '../content/schema';
import { offeredGame } from '../lms/package-options';

/** The game in the wanted language, or in its first language when that one is not written. */
export async function loadGame(id: string, lang: Lang): Promise<CompiledGame | null> {
  const byLang = gameLoaders[id];
  if (!byLang) return null;
  const loader = byLang[lang] ?? Object.values(byLang)[0];
  return loader ? offeredGame((await loader()).default) : null;
}
