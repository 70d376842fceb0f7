// @vitest-environment happy-dom
/** The rewrite exercise: compile, validation, LMS values (also through scorm-again), resume data. */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { compileQuestionBank } from '../../src/content/question-compiler';
import { formatProblem, ProblemList } from '../../src/content/problems';
import { parseYaml } from '../../src/content/yaml-source';
import { rewriteModelProblems } from '../../src/course/questions/types/rewrite/model-check';
import type { RewriteQuestion } from '../../src/course/questions/types/rewrite/rules';
import { wordDiff } from '../../src/course/questions/types/rewrite/word-diff';
import { isAnswered, isCorrect, scoreTest } from '../../src/course/scoring';
import { courseAdapter } from '../../src/lms/adapters';
import { formatResponse, interactionType } from '../../src/lms/formats';
import { LmsLink } from '../../src/lms/lms-link';
import { decodeResume } from '../../src/lms/resume-data';
import { encodeSuspend, REFLECTION_CHARS, SUSPEND_LIMIT_12, worstCaseSuspendLength, type ResumeState } from '../../src/lms/suspend';
import { ProgressStore } from '../../src/storage/progress';

const content = buildContent(join(import.meta.dirname, '../..'));
const build = content.courses.find((c) => c.meta.id === 'selkea-kieli')!;
const course = build.compiled.fi!;
const exercise = course.questions['q-rw-paatoskirje'] as RewriteQuestion;
const profiles = content.plainLanguage.profiles!;
// 300 characters of Finnish with ä and ö, on several lines.
const longFinnish = `Päätimme hakemuksestasi näin: emme myönnä tukea.\n${'Syy on se, että liitteitä ei tullut ajoissa. '.repeat(6)}`.slice(0, 300);

describe('compiling a rewrite exercise', () => {
  it('keeps the texts as plain text in the course language, with the rules it addresses', () => {
    expect(exercise).toMatchObject({ type: 'rewrite', lang: 'fi', rules: ['fi-passive', 'fi-nominal'] });
    expect(exercise.original).toMatch(/^Hakemuksenne on käsitelty/);
    expect(exercise.model).toMatch(/^Olemme käsitelleet/);
    expect(exercise.changes[0]).toContain('<em>on käsitelty</em>');
    expect((build.compiled.sv!.questions['q-rw-paatoskirje'] as RewriteQuestion).lang).toBe('sv');
  });

  it('names file, line and field of an empty original and of a model answer identical to it', () => {
    const yaml = [
      'questions:',
      '  - id: q-a',
      '    type: rewrite',
      '    prompt: Kirjoita selkeämmin.',
      '    original: ""',
      '    model: Teksti.',
      '  - id: q-b',
      '    type: rewrite',
      '    prompt: Kirjoita selkeämmin.',
      '    original: Hakemus on käsitelty.',
      '    model: "Hakemus  on käsitelty. "',
    ].join('\n');
    const problems = new ProblemList();
    const bank = compileQuestionBank(parseYaml('x/questions.yaml', yaml, 1, problems)!, problems, 'fi');
    const messages = problems.items.map(formatProblem);
    expect(messages).toContainEqual(expect.stringMatching(/^x\/questions\.yaml:5: questions\[1\]\.original: must not be empty/));
    expect(messages).toContainEqual('x/questions.yaml:7: questions[2] (q-b): model: the model answer is the same as the original, so there is nothing to compare');
    expect(bank.questions['q-b']).toMatchObject({ lang: 'fi' });
  });

  it('refuses a model answer that still gets the hints it is meant to remove, and rules the original does not show', () => {
    expect(rewriteModelProblems(exercise, profiles.fi)).toEqual([]);
    const lazy = { ...exercise, model: 'Hakemuksesi on käsitelty, ja päätös on tehty.' };
    expect(rewriteModelProblems(lazy, profiles.fi)).toEqual([
      'model: the model answer still gets the fi-passive hint it is meant to remove ("on käsitelty")',
      'model: the model answer still gets the fi-passive hint it is meant to remove ("on tehty")',
    ]);
    expect(rewriteModelProblems({ ...exercise, rules: ['fi-double-negative'] }, profiles.fi)).toEqual([
      'addresses: the checker finds no fi-double-negative in the original, so the exercise cannot show it',
    ]);
    expect(rewriteModelProblems({ ...exercise, rules: ['sv-s-passive'] }, profiles.fi)[0]).toMatch(/^addresses: "sv-s-passive" is not a checker rule for fi/);
  });
});

describe('answering a rewrite exercise', () => {
  it('needs a changed, non-empty text and is never scored', () => {
    expect(isAnswered(exercise, { type: 'rewrite', text: '' })).toBe(false);
    expect(isAnswered(exercise, { type: 'rewrite', text: ` ${exercise.original.replace(/ /g, '\n')} ` })).toBe(false);
    expect(isAnswered(exercise, { type: 'rewrite', text: exercise.model })).toBe(true);
    expect(isCorrect(exercise, { type: 'rewrite', text: exercise.model })).toBeNull();
    expect(scoreTest([exercise], { [exercise.id]: { type: 'rewrite', text: 'x' } }, 70)).toMatchObject({ total: 0, percent: 100 });
  });

  it('shows what changed word by word, and the parts give both texts back', () => {
    const parts = wordDiff('Hakemus on käsitelty nopeasti.', 'Olemme käsitelleet hakemuksen nopeasti.');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('Hakemus on käsitelty nopeasti.');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Olemme käsitelleet hakemuksen nopeasti.');
    expect(parts.at(-1)).toEqual({ kind: 'same', text: 'nopeasti.' });
  });
});

describe('a rewrite in the LMS', () => {
  it('is a fill-in in 1.2 within 255 characters and a long fill-in in 2004', () => {
    expect(longFinnish).toHaveLength(300);
    const r = { type: 'rewrite', text: longFinnish } as const;
    expect(interactionType(exercise, '1.2')).toBe('fill-in');
    expect(interactionType(exercise, '2004')).toBe('long-fill-in');
    const in12 = formatResponse(r, '1.2');
    expect(in12).toHaveLength(255);
    expect(in12).toBe(longFinnish.replace(/\s+/g, ' ').slice(0, 255));
    expect(formatResponse(r, '2004')).toBe(longFinnish.replace(/\s+/g, ' ').trim());
    expect(formatResponse({ type: 'rewrite', text: `${'ä'.repeat(254)}😀` }, '1.2')).toBe('ä'.repeat(254)); // never half an emoji
  });

  it('round-trips through the resume data, cut to its limit, and keeps the worst case under 4096', () => {
    const state: ResumeState = {
      courseId: course.id,
      updatedAt: Date.now() - 60_000,
      contentVersion: course.version,
      visited: [],
      completed: false,
      timeSpentMs: 1000,
      checks: { [exercise.id]: { type: 'rewrite', text: longFinnish } },
      tries: [],
      lastTryAnswers: {},
    };
    expect(decodeResume(course, encodeSuspend(state))).toEqual({ state, problem: false });
    const long = { ...state, checks: { [exercise.id]: { type: 'rewrite' as const, text: 'ö'.repeat(REFLECTION_CHARS + 50) } } };
    expect(decodeResume(course, encodeSuspend(long)).state!.checks[exercise.id]).toEqual({ type: 'rewrite', text: 'ö'.repeat(REFLECTION_CHARS) });
    // A rewrite's packed form is not a reflection's: one cannot pass for the other.
    expect(decodeResume(course, encodeSuspend({ ...state, checks: { [exercise.id]: { type: 'reflection', text: 'x' } } })).problem).toBe(true);
    for (const compiled of Object.values(build.compiled)) expect(worstCaseSuspendLength(compiled!)).toBeLessThan(SUSPEND_LIMIT_12);
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`reports it to scorm-again (${version}) as a neutral free-text interaction`, async () => {
      const api = version === '1.2' ? new Scorm12API({ autocommit: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, logLevel: 5 });
      api.loadFromJSON((version === '1.2' ? { core: { student_name: 'Meikäläinen, Maija', student_id: 'm1', entry: 'ab-initio' } } : { learner_name: 'Maija Meikäläinen', learner_id: 'm1', entry: 'ab-initio' }) as never, 'cmi');
      const win = window as unknown as Record<string, unknown>;
      win[version === '1.2' ? 'API' : 'API_1484_11'] = api;
      const errors: unknown[] = [];
      const link = LmsLink.connect(version, (e) => (e.ok ? undefined : errors.push(e)))!;
      const store = await ProgressStore.open(`rewrite-${version}`);
      await link.restore(store, courseAdapter(course));
      const stop = link.follow(store, courseAdapter(course));
      const attempt = await store.startAttempt(course.id, course.version);
      await store.recordAnswer({ attemptId: attempt.id, questionId: exercise.id, context: 'check', response: { type: 'rewrite', text: longFinnish }, correct: null });
      await new Promise((r) => setTimeout(r, 300));
      link.finish();
      stop();
      delete win[version === '1.2' ? 'API' : 'API_1484_11'];
      expect(errors).toEqual([]);
      const data = (api.renderCMIToJSONObject() as { cmi: Record<string, any> }).cmi;
      const [interaction] = Object.values(data.interactions ?? {}) as Record<string, any>[];
      expect(interaction).toMatchObject({ id: expect.stringContaining('q-rw-paatoskirje'), type: version === '1.2' ? 'fill-in' : 'long-fill-in', result: 'neutral' });
      const sent = version === '1.2' ? interaction!.student_response : interaction!.learner_response;
      expect(sent).toBe(formatResponse({ type: 'rewrite', text: longFinnish }, version));
      expect(sent.length).toBeLessThanOrEqual(version === '1.2' ? 255 : 4000);
      expect(data.suspend_data.length).toBeLessThan(SUSPEND_LIMIT_12);
    });
  }
});
