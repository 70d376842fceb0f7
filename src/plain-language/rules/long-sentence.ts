/**
 * Long sentences. Examples (fi, limit 16 words): flagged "Hyvinvointialueen ensi vuoden alusta voimaan
 * tulevan kotihoidon asiakasmaksuja koskevan päätöksen perusteella maksusi muuttuu, ja …" (over the
 * limit); not flagged "Kotihoidon maksusi muuttuu ensi vuoden alussa."
 */
import type { Rule } from '../types.ts';

export const longSentence: Rule = {
  id: 'long-sentence',
  langs: ['fi', 'sv', 'en'],
  check: (ctx) =>
    ctx.sentences.flatMap((s, i) => (s.words.length > ctx.settings.longSentenceWords ? [{ start: s.start, end: s.end, text: s.text, sentence: i }] : [])),
};
