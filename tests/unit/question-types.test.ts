/** Every question type keeps the one contract; no code outside the type modules switches on the type. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { Question } from '../../src/content/schema';
import { QUESTION_CONTENT } from '../../src/course/questions/content-registry';
import { QUESTION_RULES, rulesOf, type QuestionTypeName, type Response } from '../../src/course/questions/registry';
import { textsOf } from '../../src/course/questions/view-registry';
import fi from '../../src/i18n/locales/fi.json';

const root = join(import.meta.dirname, '../..');
const content = buildContent(root);
const TYPES = Object.keys(QUESTION_RULES) as QuestionTypeName[];

/** A shipped question of each type, from any course and language. */
const example = (type: QuestionTypeName): Question | undefined =>
  content.courses.flatMap((c) => Object.values(c.compiled).flatMap((l) => Object.values(l!.questions))).find((q) => q.type === type);

/** A response with nothing in it (true-false has none: either value is an answer). */
const EMPTY: Partial<Record<QuestionTypeName, Response>> = {
  single: { type: 'single', option: '' },
  multiple: { type: 'multiple', options: [] },
  ordering: { type: 'ordering', order: [] },
  matching: { type: 'matching', matches: {} },
  reflection: { type: 'reflection', text: ' ' },
  rewrite: { type: 'rewrite', text: '' },
};

const lookup = (path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key] ?? (node as Record<string, unknown> | undefined)?.[`${key}_other`], fi);

describe.each(TYPES)('question type %s', (type) => {
  const rules = rulesOf(type);
  const question = example(type)!;

  it('is shipped in some course, and its three registrations agree', () => {
    expect(question, `no course uses ${type}`).toBeDefined();
    expect(rules.type).toBe(type);
    expect(QUESTION_CONTENT[type].type).toBe(type);
    for (const key of Object.values(textsOf(type))) expect(lookup(key), key).toEqual(expect.any(String));
  });

  it('keeps the contract: empty is not answered, the longest response round-trips and fits the LMS', () => {
    const longest = rules.suspend.longest(question);
    expect(longest.type).toBe(type);
    const given = rules.lms.correctResponse(question) ?? longest;
    const packed = (r: Response) => JSON.stringify(rules.suspend.pack(r));
    expect(rules.suspend.unpack(question, JSON.parse(packed(given)))).toEqual(given);
    expect(packed(longest).length).toBeGreaterThanOrEqual(packed(given).length);
    expect(rules.suspend.unpack(question, 42)).toBeNull();
    expect(rules.suspend.unpack(question, '')).toBeNull();
    if (EMPTY[type]) expect(rules.isAnswered(question, EMPTY[type])).toBe(false);
    for (const version of ['1.2', '2004'] as const) {
      expect(rules.lms.formatResponse(longest, version).length).toBeLessThanOrEqual(version === '1.2' ? 255 : 4000);
      expect(rules.lms.interactionType(version)).toMatch(/^(choice|true-false|sequencing|matching|fill-in|long-fill-in)$/);
    }
    const correct = rules.lms.correctResponse(question);
    if (rules.scored) expect(correct && rules.isCorrect(question, correct)).toBe(true);
    else expect([correct, rules.isCorrect(question, longest)]).toEqual([null, null]);
  });
});

describe('the question-type architecture', () => {
  it('has no switch on a question type outside src/course/questions/types/', () => {
    const arm = new RegExp(`case '(${TYPES.join('|')})'`);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const offenders = files(join(root, 'src'))
      .map((path) => relative(root, path).replaceAll('\\', '/'))
      .filter((path) => !path.startsWith('src/course/questions/types/'))
      .flatMap((path) => readFileSync(join(root, path), 'utf8').split('\n').flatMap((line, i) => (arm.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });
});
