/** Every question type keeps the one contract; no code outside the type modules switches on the type. */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runnerImport } from 'vite';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { Question } from '../../src/content/schema';
import { QUESTION_CONTENT } from '../../src/course/questions/content-registry';
import { QUESTION_RULES, rulesOf, type QuestionTypeName, type Response } from '../../src/course/questions/registry';
import { RESPONSE_SCHEMAS } from '../../src/course/questions/response-registry';
import { byType } from '../../src/course/questions/type-folders';
import { QUESTION_VIEWS, textsOf } from '../../src/course/questions/view-registry';
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

  it('is shipped in some course, and its registrations agree', () => {
    expect(question, `no course uses ${type}`).toBeDefined();
    expect(rules.type).toBe(type);
    expect(QUESTION_CONTENT[type].type).toBe(type);
    expect(RESPONSE_SCHEMAS[type].shape.type.value).toBe(type);
    expect(QUESTION_VIEWS[type].Input).toEqual(expect.any(Function));
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

  it('registers a type by its folder: every registry holds exactly the types the folders serve', () => {
    const folders = readdirSync(join(root, 'src/course/questions/types'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const folder of folders) {
      const files = readdirSync(join(root, 'src/course/questions/types', folder));
      expect(files, folder).toEqual(expect.arrayContaining(['rules.ts', 'content.ts', 'response.ts', 'view.tsx']));
    }
    const sorted = (o: object) => Object.keys(o).sort();
    expect(TYPES.length).toBeGreaterThanOrEqual(folders.length);
    for (const registry of [QUESTION_CONTENT, RESPONSE_SCHEMAS, QUESTION_VIEWS]) expect(sorted(registry)).toEqual(sorted(QUESTION_RULES));
  });

  it('refuses a type that two folders both serve, naming both files', () => {
    const rules = { single: 1 };
    expect(byType({ './types/a/rules.ts': { ordering: 0 } }, 'rules')).toEqual({ ordering: 0 });
    expect(() => byType({ './types/a/rules.ts': rules, './types/b/rules.ts': rules }, 'rules')).toThrow(
      'question type "single" has two rules: ./types/a/rules.ts and ./types/b/rules.ts',
    );
    expect(() => byType({ './types/a/rules.ts': undefined as unknown as Record<string, number> }, 'rules')).toThrow('./types/a/rules.ts does not export the rules of its question types');
  });

  it('takes a new type from its folder alone, with no line anywhere else', async () => {
    // A copy of the sources with one more folder: a true-or-false type renamed "yesno".
    const copy = join(root, 'tests/.output/new-type-src');
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(copy, { recursive: true });
    cpSync(join(root, 'src'), copy, { recursive: true, filter: (path) => !path.includes('node_modules') });
    const types = join(copy, 'course/questions/types');
    mkdirSync(join(types, 'yesno'));
    for (const file of readdirSync(join(types, 'truefalse'))) {
      const text = readFileSync(join(types, 'truefalse', file), 'utf8');
      writeFileSync(join(types, 'yesno', file), text.replaceAll('truefalse', 'yesno').replaceAll('TrueFalse', 'YesNo'));
    }
    try {
      const load = async <T,>(file: string) => (await runnerImport<T>(join(copy, 'course/questions', file), { configFile: false, logLevel: 'error' })).module;
      const registry = await load<typeof import('../../src/course/questions/registry')>('registry.ts');
      const contents = await load<typeof import('../../src/course/questions/content-registry')>('content-registry.ts');
      const responses = await load<typeof import('../../src/course/questions/response-registry')>('response-registry.ts');
      const yesno = 'yesno' as QuestionTypeName;
      expect(Object.keys(registry.QUESTION_RULES).sort()).toEqual([...TYPES, yesno].sort());
      const question = { id: 'q', type: yesno, prompt: '', explanation: '', answer: true, feedbackTrue: '', feedbackFalse: '' } as unknown as Question;
      const rules = registry.rulesOf(yesno);
      expect(rules.isCorrect(question, { type: yesno, value: true } as unknown as Response)).toBe(true);
      expect(rules.isCorrect(question, { type: yesno, value: false } as unknown as Response)).toBe(false);
      expect(contents.QUESTION_CONTENT[yesno].source.parse({ id: 'q', type: 'yesno', prompt: 'p', explanation: 'e', answer: true, feedbackTrue: 'a', feedbackFalse: 'b' })).toMatchObject({ type: 'yesno' });
      expect(responses.RESPONSE_SCHEMAS[yesno].safeParse({ type: 'yesno', value: true }).success).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
