/** Pure rules for answers and test scores: no UI, no storage, easy to test. */
import type { Question } from '../content/schema.ts';
import { rulesOf, type Response } from './questions/registry.ts';

export type { Response } from './questions/registry.ts';

/** null: not scored (reflection) or response of another type. */
export function isCorrect(question: Question, response: Response): boolean | null {
  return response.type === question.type ? rulesOf(question.type).isCorrect(question, response) : null;
}

/** Whether the learner has given a complete response the question can be checked against. */
export function isAnswered(question: Question, response: Response | undefined): boolean {
  return response !== undefined && response.type === question.type && rulesOf(question.type).isAnswered(question, response);
}

export interface TestScore {
  correct: number;
  total: number;
  /** Whole per cent, 0–100. */
  percent: number;
  passed: boolean;
}

export function scoreTest(questions: Question[], responses: Record<string, Response | undefined>, passMark: number): TestScore {
  const scored = questions.filter((q) => rulesOf(q.type).scored);
  const correct = scored.filter((q) => {
    const r = responses[q.id];
    return r !== undefined && isCorrect(q, r) === true;
  }).length;
  const total = scored.length;
  // Floor, so that a learner is never told they reached a mark they did not reach.
  const percent = total === 0 ? 100 : Math.floor((correct / total) * 100);
  return { correct, total, percent, passed: percent >= passMark };
}

/** Draws `count` ids from `pool` at random (Fisher–Yates), without repeats. */
export function drawQuestions(pool: readonly string[], count: number, random: () => number = Math.random): string[] {
  const ids = [...new Set(pool)];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, Math.min(count, ids.length));
}

/** A start order for an ordering question that is never already the correct one. */
export function shuffledOrder(ids: readonly string[], seed: string): string[] {
  if (ids.length < 2) return [...ids];
  let state = [...seed].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 2166136261);
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const order = drawQuestions(ids, ids.length, random);
  if (order.every((id, i) => id === ids[i])) order.push(order.shift()!); // rotate away from the answer
  return order;
}
