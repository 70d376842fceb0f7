import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/schema';
import { drawQuestions, isAnswered, isCorrect, scoreTest, shuffledOrder } from '../../src/course/scoring';
import { bestTry, isCompleted, pageProgress, triesLeft, type TestTry } from '../../src/course/completion';

const opt = (id: string, correct = false) => ({ id, html: id, correct, feedback: '' });
const single: Question = { id: 's', type: 'single', prompt: '', explanation: '', options: [opt('a'), opt('b', true)] };
const multiple: Question = { id: 'm', type: 'multiple', prompt: '', explanation: '', options: [opt('a', true), opt('b'), opt('c', true)] };
const tf: Question = { id: 't', type: 'truefalse', prompt: '', explanation: '', answer: false, feedbackTrue: '', feedbackFalse: '' };
const ordering: Question = { id: 'o', type: 'ordering', prompt: '', explanation: '', items: ['a', 'b', 'c'].map((id) => ({ id, html: id })) };
const matching: Question = {
  id: 'x',
  type: 'matching',
  prompt: '',
  explanation: '',
  rights: ['R0', 'R1'],
  pairs: [
    { id: 'a', left: 'A', right: 1 },
    { id: 'b', left: 'B', right: 0 },
    { id: 'c', left: 'C', right: 1 },
  ],
};
const reflection: Question = { id: 'r', type: 'reflection', prompt: '', explanation: '', guidance: '' };

describe('isCorrect', () => {
  it('single choice', () => {
    expect(isCorrect(single, { type: 'single', option: 'b' })).toBe(true);
    expect(isCorrect(single, { type: 'single', option: 'a' })).toBe(false);
  });
  it('multiple choice needs exactly the correct set', () => {
    expect(isCorrect(multiple, { type: 'multiple', options: ['a', 'c'] })).toBe(true);
    expect(isCorrect(multiple, { type: 'multiple', options: ['a'] })).toBe(false);
    expect(isCorrect(multiple, { type: 'multiple', options: ['a', 'b', 'c'] })).toBe(false);
  });
  it('true/false', () => {
    expect(isCorrect(tf, { type: 'truefalse', value: false })).toBe(true);
    expect(isCorrect(tf, { type: 'truefalse', value: true })).toBe(false);
  });
  it('ordering needs the whole order', () => {
    expect(isCorrect(ordering, { type: 'ordering', order: ['a', 'b', 'c'] })).toBe(true);
    expect(isCorrect(ordering, { type: 'ordering', order: ['a', 'c', 'b'] })).toBe(false);
    expect(isCorrect(ordering, { type: 'ordering', order: ['a', 'b'] })).toBe(false);
  });
  it('matching allows two lefts to share a right', () => {
    expect(isCorrect(matching, { type: 'matching', matches: { a: 1, b: 0, c: 1 } })).toBe(true);
    expect(isCorrect(matching, { type: 'matching', matches: { a: 1, b: 1, c: 1 } })).toBe(false);
  });
  it('reflection and mismatched responses are not scored', () => {
    expect(isCorrect(reflection, { type: 'reflection', text: 'x' })).toBeNull();
    expect(isCorrect(single, { type: 'truefalse', value: true })).toBeNull();
  });
});

describe('isAnswered', () => {
  it('requires every matching pair and non-blank reflections', () => {
    expect(isAnswered(matching, { type: 'matching', matches: { a: 1, b: 0 } })).toBe(false);
    expect(isAnswered(matching, { type: 'matching', matches: { a: 1, b: 0, c: 0 } })).toBe(true);
    expect(isAnswered(reflection, { type: 'reflection', text: '   ' })).toBe(false);
    expect(isAnswered(multiple, { type: 'multiple', options: [] })).toBe(false);
    expect(isAnswered(single, undefined)).toBe(false);
  });
});

describe('scoreTest', () => {
  const qs = [single, multiple, tf];
  it('floors the per cent and compares with the pass mark', () => {
    const two = scoreTest(qs, { s: { type: 'single', option: 'b' }, t: { type: 'truefalse', value: false } }, 67);
    expect(two).toEqual({ correct: 2, total: 3, percent: 66, passed: false });
    expect(scoreTest(qs, { s: { type: 'single', option: 'b' }, t: { type: 'truefalse', value: false } }, 66).passed).toBe(true);
  });
  it('leaves reflections out of the total', () => {
    expect(scoreTest([single, reflection], { s: { type: 'single', option: 'b' } }, 100)).toEqual({ correct: 1, total: 1, percent: 100, passed: true });
  });
});

describe('drawing questions', () => {
  it('draws the asked number without repeats from the pool', () => {
    const pool = Array.from({ length: 20 }, (_, i) => `q${i}`);
    for (let n = 0; n < 50; n++) {
      const drawn = drawQuestions(pool, 12);
      expect(drawn).toHaveLength(12);
      expect(new Set(drawn).size).toBe(12);
      for (const id of drawn) expect(pool).toContain(id);
    }
  });
  it('varies between draws', () => {
    const pool = Array.from({ length: 20 }, (_, i) => `q${i}`);
    const seen = new Set(Array.from({ length: 20 }, () => drawQuestions(pool, 12).join()));
    expect(seen.size).toBeGreaterThan(1);
  });
  it('never starts an ordering question in the correct order', () => {
    for (const seed of ['a', 'b', 'c', 'q-1', 'q-2', 'long-seed']) {
      expect(shuffledOrder(['a', 'b'], seed)).toEqual(['b', 'a']);
      const order = shuffledOrder(['a', 'b', 'c', 'd'], seed);
      expect(order).not.toEqual(['a', 'b', 'c', 'd']);
      expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(shuffledOrder(['a', 'b', 'c', 'd'], seed)).toEqual(order); // stable for a question
    }
  });
});

describe('completion rules', () => {
  const tryOf = (percent: number, passed: boolean, no = 1): TestTry => ({ no, questionIds: [], percent, passed, finishedAt: 0 });
  const pages = ['p1', 'p2'];
  it('default rule: all pages and a passed test', () => {
    const rule = { allPages: true, finalTest: 'passed' as const };
    expect(isCompleted(rule, { pageIds: pages, visited: new Set(['p1', 'p2']), tries: [tryOf(50, false)] })).toBe(false);
    expect(isCompleted(rule, { pageIds: pages, visited: new Set(['p1']), tries: [tryOf(90, true)] })).toBe(false);
    expect(isCompleted(rule, { pageIds: pages, visited: new Set(['p1', 'p2']), tries: [tryOf(50, false), tryOf(90, true, 2)] })).toBe(true);
  });
  it('attempted and none', () => {
    expect(isCompleted({ allPages: false, finalTest: 'attempted' }, { pageIds: pages, visited: new Set(), tries: [tryOf(10, false)] })).toBe(true);
    expect(isCompleted({ allPages: true, finalTest: 'none' }, { pageIds: pages, visited: new Set(['p1', 'p2']), tries: [] })).toBe(true);
  });
  it('tries left, best try and progress', () => {
    expect(triesLeft(0, [tryOf(10, false)])).toBe(Infinity);
    expect(triesLeft(2, [tryOf(10, false)])).toBe(1);
    expect(triesLeft(2, [tryOf(10, false), tryOf(20, false)])).toBe(0);
    expect(triesLeft(0, [tryOf(90, true)])).toBe(0);
    expect(bestTry([tryOf(10, false), tryOf(80, true), tryOf(70, true)])?.percent).toBe(80);
    expect(pageProgress(pages, new Set(['p2']))).toBe(0.5);
  });
});
