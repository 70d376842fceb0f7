/**
 * Long words (Finnish and Swedish compounds). Examples: "lähiliikuntapaikkojen" (21 letters) is
 * flagged at a 20-letter limit; "liikuntapaikka" is not. Names (any capitalised word) and hyphenated words are skipped:
 * a hyphen already shows the reader where the parts meet.
 */
import type { Rule } from '../types.ts';
import { letterCount } from '../segment.ts';
import { eachWord } from './match.ts';

export const longWord: Rule = {
  id: 'long-word',
  langs: ['fi', 'sv'],
  check: (ctx) =>
    ctx.settings.longWordLetters <= 0
      ? []
      : eachWord(ctx, (w, s, i) => !w.includes('-') && !/^\p{Lu}/u.test(s.words[i]!.text) && letterCount(w) > ctx.settings.longWordLetters),
};
