/**
 * Finnish embedded clauses (kiilalauseet): a relative clause wedged between a sentence's first
 * words and the rest of its main clause. Flagged: "Asiakkaan, joka ei ole perunut aikaa, on
 * maksettava maksu.", "Rakennuslupa, jota koskeva hakemus saapui toukokuussa, on myönnetty."
 * Not flagged: "Saat päätöksen, jonka lähetimme maaliskuussa." (the clause comes last).
 */
import type { Rule, RuleHit } from '../types.ts';

const OPENING = /^(\S+(?:\s+\S+){0,3}?),\s+(joka|jonka|jota|jotka|joiden|joita|jossa|josta|johon|jolle|jolla|joilla|joissa|joista|joihin|jolloin)\s/u;

export const fiEmbeddedClause: Rule = {
  id: 'fi-embedded-clause',
  langs: ['fi'],
  check: (ctx) => {
    const hits: RuleHit[] = [];
    ctx.sentences.forEach((sentence, s) => {
      const open = OPENING.exec(sentence.text);
      if (!open) return;
      const clauseStart = open[0].length - open[2]!.length - 1;
      const close = sentence.text.indexOf(',', clauseStart);
      const rest = close >= 0 ? sentence.text.slice(close + 1).trim() : '';
      const clauseWords = sentence.text.slice(clauseStart, close).trim().split(/\s+/).length;
      // The main clause goes on after the wedge, and the wedge is long enough to make the reader wait.
      if (close < 0 || clauseWords < 4 || rest.split(/\s+/).length < 2) return;
      const start = sentence.start + clauseStart;
      const end = sentence.start + close;
      hits.push({ start, end, text: ctx.text.slice(start, end), sentence: s });
    });
    return hits;
  },
};
