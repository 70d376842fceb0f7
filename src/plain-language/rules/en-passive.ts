/**
 * English passive without an agent ("Applications are processed within two weeks", "A decision
 * was made"). A passive followed by "by …" names the actor and is not flagged; neither are
 * adjectives such as "interested" or "based".
 */
import type { Rule, RuleHit } from '../types.ts';
import { lower, spanHit } from './match.ts';

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
const IRREGULAR = new Set([
  'given', 'taken', 'made', 'done', 'sent', 'paid', 'held', 'known', 'seen', 'written', 'shown', 'found', 'told', 'kept', 'brought',
  'chosen', 'sold', 'built', 'set', 'put', 'read', 'heard', 'met', 'spent', 'understood', 'drawn', 'chosen', 'taught', 'thought', 'left', 'lost', 'won',
]);
const ADJECTIVES = new Set(['interested', 'concerned', 'tired', 'married', 'pleased', 'worried', 'surprised', 'excited', 'based', 'used', 'supposed', 'located', 'limited', 'detailed', 'advanced', 'experienced', 'qualified', 'skilled', 'red', 'need', 'indeed', 'involved']);

const NOT_ACTOR = /^(?:post|email|e|mail|phone|telephone|hand|law|then|now|midnight|noon|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|\d+)$/u;

/** "… by the board" names who acts; "… by post" or "… by 31 May" does not. */
function namesActor(ws: readonly string[], from: number): boolean {
  const by = ws.slice(from, from + 5).indexOf('by');
  if (by < 0) return false;
  const next = ws[from + by + 1];
  return next !== undefined && !NOT_ACTOR.test(next);
}

export const enPassive: Rule = {
  id: 'en-passive',
  langs: ['en'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const ws = sentence.words.map(lower);
      ws.forEach((w, i) => {
        if (!BE.has(w)) return;
        // "is being processed", "has been sent", "are not sent", "is also sent"
        let k = i + 1;
        while (ws[k] && ['not', 'also', 'being', 'often', 'usually', 'then', 'always', 'now', 'still'].includes(ws[k]!)) k++;
        const participle = ws[k];
        if (!participle || ADJECTIVES.has(participle)) return;
        if (!(/^\p{L}{3,}ed$/u.test(participle) || IRREGULAR.has(participle))) return;
        if (namesActor(ws, k + 1)) return;
        hits.push(spanHit(ctx, s, i, k));
      });
    });
    return hits;
  },
};
