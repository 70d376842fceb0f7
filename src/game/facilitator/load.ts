/** Loads a game's facilitator guide: only the trainer's views ever import this. */
import { guideLoaders } from 'virtual:kohtaamo/facilitator';
import type { FacilitatorGuide } from '../../content/facilitator-compiler';
import type { Lang } from '../../content/constants';

export async function loadGuide(gameId: string, lang: Lang): Promise<FacilitatorGuide | null> {
  const byLang = guideLoaders[gameId];
  if (!byLang) return null;
  const loader = byLang[lang] ?? Object.values(byLang)[0];
  return loader ? (await loader()).default : null;
}
