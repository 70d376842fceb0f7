/** Guesses whether a text is Finnish, Swedish or English from its most common small words. */
import type { TextLang } from './types.ts';
import { words } from './segment.ts';

const MARKERS: Record<TextLang, ReadonlySet<string>> = {
  fi: new Set(['ja', 'on', 'ei', 'että', 'se', 'ovat', 'oli', 'kun', 'jos', 'mutta', 'tai', 'voi', 'myös', 'sinun', 'voit', 'jotta', 'ole', 'mitä', 'tämä']),
  sv: new Set(['och', 'är', 'att', 'det', 'som', 'en', 'ett', 'för', 'på', 'av', 'med', 'inte', 'till', 'har', 'kan', 'du', 'vi', 'om', 'den']),
  en: new Set(['the', 'and', 'is', 'to', 'of', 'a', 'in', 'that', 'for', 'it', 'with', 'are', 'be', 'on', 'not', 'you', 'we', 'this', 'your']),
};

export function guessLanguage(text: string): TextLang | null {
  const ws = words(text.slice(0, 4000), 'en').map((w) => w.text.toLocaleLowerCase());
  const score = (lang: TextLang) => ws.filter((w) => MARKERS[lang].has(w)).length + (lang === 'sv' ? (text.match(/å/gi)?.length ?? 0) : 0);
  const ranked = (['fi', 'sv', 'en'] as const).map((lang) => ({ lang, score: score(lang) })).sort((a, b) => b.score - a.score);
  return ranked[0]!.score > 0 && ranked[0]!.score > ranked[1]!.score ? ranked[0]!.lang : null;
}
