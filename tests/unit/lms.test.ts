// @vitest-environment happy-dom
/**
 * The course's side of SCORM against scorm-again as the LMS side: every call accepted, statuses,
 * time formats, interactions, suspend data round trip and size, resume, failing LMS.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { LmsLink } from '../../src/lms/lms-link';
import { courseAdapter } from '../../src/lms/adapters';
import { formatResponse, iso8601Duration, iso8601Timestamp, scorm12Timespan, displayName } from '../../src/lms/formats';
import { encodeSuspend, SUSPEND_LIMIT_12, worstCaseSuspendLength, type ResumeState } from '../../src/lms/suspend';
import { decodeResume } from '../../src/lms/resume-data';
import { ProgressStore } from '../../src/storage/progress';
import type { Response } from '../../src/course/scoring';
import { rightAnswer as answerFor } from './course-runs';

const content = buildContent(join(import.meta.dirname, '../..'));
const course = content.courses.find((c) => c.meta.id === 'avoin-hallinto')!.compiled.fi!;
const pageIds = course.modules.flatMap((m) => m.pages.map((p) => ({ moduleId: m.id, pageId: p.id })));

type Log = { call: string; element?: string; ok: boolean; code?: string }[];
const win = window as unknown as Record<string, unknown>;
let n = 0;

afterEach(() => {
  delete win.API;
  delete win.API_1484_11;
});

const rightAnswer = (id: string): Response => answerFor(course, id);

const settle = () => new Promise((r) => setTimeout(r, 250)); // liveQuery reports after the write settles; generous for a loaded machine

/** Walks the whole course through the store, as the player would, and passes the test. */
async function takeCourse(store: ProgressStore, { pass = true, upToPage = pageIds.length } = {}) {
  const attempt = await store.startAttempt(course.id, course.version);
  for (const { moduleId, pageId } of pageIds.slice(0, upToPage)) {
    await store.recordVisit(attempt.id, pageId, `${moduleId}/${pageId}`);
  }
  const checkId = course.modules[0]!.pages.flatMap((p) => p.blocks).find((b) => b.type === 'quiz')!;
  const qid = checkId.type === 'quiz' ? checkId.questions[0]! : '';
  await store.recordAnswer({ attemptId: attempt.id, questionId: qid, context: 'check', response: rightAnswer(qid), correct: true });
  if (upToPage < pageIds.length) return attempt;
  const open = await store.openTry(attempt.id, () => course.finalTest!.pool.slice(0, course.finalTest!.draw));
  for (const id of open!.questionIds) {
    await store.recordAnswer({ attemptId: attempt.id, questionId: id, context: `test:${open!.no}`, response: rightAnswer(id), correct: true });
  }
  await store.finishTry(attempt.id, { no: open!.no, questionIds: open!.questionIds, percent: pass ? 100 : 25, passed: pass, finishedAt: Date.now() });
  if (pass) await store.completeAttempt(attempt.id, { contentId: course.id, contentVersion: course.version, title: course.title, percent: 100 });
  return attempt;
}

describe('SCORM formats', () => {
  it('writes session time in each version’s format', () => {
    expect(scorm12Timespan(0)).toBe('00:00:00.00');
    expect(scorm12Timespan(3_723_450)).toBe('01:02:03.45');
    expect(scorm12Timespan(1000 * 3600 * 12345)).toBe('9999:00:00.00');
    expect(iso8601Duration(3_723_450)).toBe('PT1H2M3.45S');
    expect(iso8601Duration(0)).toBe('PT0S');
    expect(iso8601Timestamp(Date.UTC(2026, 10, 23, 4, 5, 6, 789))).toBe('2026-11-23T04:05:06.7Z');
  });
  it('writes responses within SCORM 1.2 limits', () => {
    expect(formatResponse({ type: 'multiple', options: ['a', 'c'] }, '1.2')).toBe('a,c');
    expect(formatResponse({ type: 'multiple', options: ['a', 'c'] }, '2004')).toBe('a[,]c');
    expect(formatResponse({ type: 'matching', matches: { a: 1, b: 0 } }, '1.2')).toBe('a.1,b.0');
    expect(formatResponse({ type: 'matching', matches: { a: 1, b: 0 } }, '2004')).toBe('a[.]1[,]b[.]0');
    expect(formatResponse({ type: 'truefalse', value: false }, '1.2')).toBe('f');
    expect(formatResponse({ type: 'reflection', text: 'x'.repeat(300) }, '1.2')).toHaveLength(255);
    expect(displayName('Meikäläinen, Maija')).toBe('Maija Meikäläinen');
  });
});

describe('suspend data', () => {
  it('round-trips what resume needs', () => {
    const pool = course.finalTest!.pool;
    const ofType = (type: string) => Object.values(course.questions).find((q) => q.type === type)!.id;
    const state: ResumeState = {
      courseId: course.id,
      updatedAt: Date.now() - 60_000,
      contentVersion: course.version,
      location: `${pageIds[1]!.moduleId}/${pageIds[1]!.pageId}`,
      visited: [pageIds[0]!.pageId, pageIds[1]!.pageId],
      completed: false,
      timeSpentMs: 125_000,
      checks: { [ofType('reflection')]: { type: 'reflection', text: 'Hyvä "kysymys", ääkkösiä' }, [ofType('single')]: rightAnswer(ofType('single')) },
      tries: [
        { no: 1, questionIds: [], percent: 20, passed: false, finishedAt: Date.now() - 3_600_000 },
        { no: 2, questionIds: [pool[0]!, pool[1]!], percent: 50, passed: false, finishedAt: Date.now() - 120_000 },
      ],
      lastTryAnswers: { [pool[0]!]: rightAnswer(pool[0]!), [pool[1]!]: rightAnswer(pool[1]!) },
      openTry: { no: 3, questionIds: [pool[2]!], startedAt: Date.now() - 100_000, answers: { [pool[2]!]: rightAnswer(pool[2]!) } },
    };
    expect(decodeResume(course, encodeSuspend(state))).toEqual({ state, problem: false });
    expect(decodeResume(course, '')).toEqual({ state: null, problem: false });
    expect(decodeResume(course, '', 'resume')).toEqual({ state: null, problem: true });
    expect(decodeResume(course, 'not ours')).toEqual({ state: null, problem: true });
    expect(decodeResume(course, '["k2"]')).toEqual({ state: null, problem: true });
  });

  it('stays under 4096 characters for every shipped course, in the worst case', () => {
    for (const c of content.courses) {
      for (const compiled of Object.values(c.compiled)) {
        expect(worstCaseSuspendLength(compiled!), `${c.meta.id}`).toBeLessThan(SUSPEND_LIMIT_12);
      }
    }
  });
});

for (const version of ['1.2', '2004'] as const) {
  describe(`SCORM ${version} with scorm-again as the LMS`, () => {
    const newApi = (json?: object) => {
      const api = version === '1.2' ? new Scorm12API({ autocommit: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, logLevel: 5 });
      const base =
        version === '1.2'
          ? { core: { student_name: 'Meikäläinen, Maija', student_id: 'm1', entry: 'ab-initio' }, student_preference: { language: 'fi' } }
          : { learner_name: 'Maija Meikäläinen', learner_id: 'm1', entry: 'ab-initio', learner_preference: { language: 'fi' } };
      api.loadFromJSON((json ?? base) as never, 'cmi');
      win[version === '1.2' ? 'API' : 'API_1484_11'] = api;
      return api;
    };
    const cmi = (api: Scorm12API | Scorm2004API) => api.renderCMIToJSONObject() as { cmi: Record<string, any> };

    it('never finds the other version’s API instead', () => {
      win[version === '1.2' ? 'API_1484_11' : 'API'] = {};
      expect(LmsLink.connect(version)).toBeNull();
    });

    it('reports a whole course: every call accepted, statuses, score, interactions, exit', async () => {
      const api = newApi();
      const log: Log = [];
      const link = LmsLink.connect(version, (e) => log.push(e))!;
      expect(link.learnerName()).toBe('Maija Meikäläinen');
      const store = await ProgressStore.open(`lms-${++n}`);
      await link.restore(store, courseAdapter(course));
      const stop = link.follow(store, courseAdapter(course));
      await settle();
      // The first commit already says: incomplete, suspended, with resume data.
      const first = cmi(api).cmi;
      expect(version === '1.2' ? first.core.lesson_status : first.completion_status).toBe('incomplete');
      expect(version === '1.2' ? first.core.exit : first.exit).toBe('suspend');
      expect(first.suspend_data).toMatch(/^\["k2","avoin-hallinto"/);

      await takeCourse(store, { pass: true });
      await settle();
      link.finish();
      stop();
      expect(log.filter((e) => !e.ok)).toEqual([]);

      const data = cmi(api).cmi;
      const suspend = version === '1.2' ? data.suspend_data : data.suspend_data;
      expect(suspend.length).toBeLessThan(SUSPEND_LIMIT_12);
      const interactions = Object.values(data.interactions ?? {}) as Record<string, any>[];
      expect(interactions.length).toBe(1 + course.finalTest!.draw);
      if (version === '1.2') {
        expect(data.core.lesson_status).toBe('passed');
        expect(data.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
        expect(data.core.exit).toBe('');
        expect(data.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
        expect(interactions[0]).toMatchObject({ result: 'correct' });
        expect(interactions[0]!.time).toMatch(/^\d{2}:\d{2}:\d{2}/);
      } else {
        expect(data.completion_status).toBe('completed');
        expect(data.success_status).toBe('passed');
        expect(data.score).toMatchObject({ raw: '100', min: '0', max: '100', scaled: '1' });
        expect(data.exit).toBe('normal');
        expect(data.progress_measure).toBe('1');
        expect(data.session_time).toMatch(/^PT/);
        expect(interactions[0]!.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
    });

    it('keeps suspend while incomplete and resumes on another device from the LMS data', async () => {
      const api = newApi();
      const link = LmsLink.connect(version)!;
      const store = await ProgressStore.open(`lms-${++n}`);
      await link.restore(store, courseAdapter(course));
      const stop = link.follow(store, courseAdapter(course));
      await takeCourse(store, { upToPage: 4 });
      await settle();
      link.finish();
      stop();
      const saved = cmi(api).cmi;
      expect(version === '1.2' ? saved.core.exit : saved.exit).toBe('suspend');
      expect(version === '1.2' ? saved.core.lesson_location : saved.location).toBe(`${pageIds[3]!.moduleId}/${pageIds[3]!.pageId}`);

      // Relaunch on a device with no local progress: the LMS data restores the attempt.
      if (version === '1.2') saved.core.entry = 'resume';
      else saved.entry = 'resume';
      const api2 = newApi(saved);
      const link2 = LmsLink.connect(version)!;
      const other = await ProgressStore.open(`lms-${++n}`);
      await link2.restore(other, courseAdapter(course));
      const restored = await other.loadAttempt(course.id);
      expect(restored?.attempt.location).toBe(`${pageIds[3]!.moduleId}/${pageIds[3]!.pageId}`);
      expect([...restored!.visited].sort()).toEqual(pageIds.slice(0, 4).map((p) => p.pageId).sort());
      expect(restored!.answers).toHaveLength(1);
      expect(version === '1.2' ? cmi(api2).cmi.core.lesson_status : cmi(api2).cmi.completion_status).toBe('incomplete');
    });

    it('lets newer LMS data win over the local cache, and keeps newer local data the LMS missed', async () => {
      newApi();
      const lmsState = encodeSuspend({
        courseId: course.id,
        updatedAt: Date.now() + 60_000,
        contentVersion: course.version,
        location: 'arjessa/verkostot',
        visited: ['lyhyesti'],
        completed: false,
        timeSpentMs: 0,
        checks: {},
        tries: [],
        lastTryAnswers: {},
      });
      const store = await ProgressStore.open(`lms-${++n}`);
      await takeCourse(store, { upToPage: 3 });
      const api = newApi();
      api.setCMIValue('cmi.suspend_data', lmsState);
      await LmsLink.connect(version)!.restore(store, courseAdapter(course));
      expect((await store.loadAttempt(course.id))?.attempt.location).toBe('arjessa/verkostot');

      const older = encodeSuspend({ ...decodeResume(course, lmsState).state!, updatedAt: Date.UTC(2024, 0, 1), location: 'perusteet/lyhyesti' });
      const api3 = newApi();
      api3.setCMIValue('cmi.suspend_data', older);
      await store.recordVisit((await store.latestAttempt(course.id))!.id, 'tekijat', 'perusteet/tekijat');
      await LmsLink.connect(version)!.restore(store, courseAdapter(course));
      expect((await store.loadAttempt(course.id))?.attempt.location).toBe('perusteet/tekijat');
    });

    it('survives an LMS that refuses commits: logged with code, retried, nothing lost locally', async () => {
      const api = newApi();
      const name = version === '1.2' ? 'LMSCommit' : 'Commit';
      const target = api as unknown as Record<string, (p: string) => string>;
      const realCommit = target[name]!.bind(api);
      let refuse = true;
      target[name] = () => (refuse ? 'false' : realCommit(''));
      const log: Log = [];
      const link = LmsLink.connect(version, (e) => log.push(e))!;
      const states: string[] = [];
      link.onStateChange((s) => states.push(s));
      const store = await ProgressStore.open(`lms-${++n}`);
      await link.restore(store, courseAdapter(course));
      const stop = link.follow(store, courseAdapter(course));
      await takeCourse(store, { pass: true });
      await settle();
      expect(states).toContain('failing');
      expect(log.some((e) => e.call === 'Commit' && !e.ok && e.code !== undefined)).toBe(true);
      expect((await store.loadAttempt(course.id))?.attempt.status).toBe('completed');
      refuse = false;
      await new Promise((r) => setTimeout(r, 2_200)); // the first retry comes after 1 s, then 2 s
      expect(states.at(-1)).toBe('saved');
      stop();
      link.finish();
    });
  });
}

describe('a game package reports like a course', () => {
  const mini = buildContent(join(import.meta.dirname, '../fixtures/valid')).games[0]!.compiled.fi!;

  it('reports score and status, and restores the play on another device', async () => {
    const { createActor } = await import('xstate');
    const { createGameMachine } = await import('../../src/game/machine');
    const { gameAdapter } = await import('../../src/lms/adapters');
    const api = new Scorm12API({ autocommit: false, logLevel: 5 });
    api.loadFromJSON({ core: { student_name: 'Meikäläinen, Maija', entry: 'ab-initio' } } as never, 'cmi');
    win.API = api;
    const log: Log = [];
    const link = LmsLink.connect('1.2', (e) => log.push(e), window, 20)!;
    const store = await ProgressStore.open(`lms-${++n}`);
    await link.restore(store, gameAdapter(mini));
    const stop = link.follow(store, gameAdapter(mini));

    const actor = createActor(createGameMachine(mini)).start();
    actor.send({ type: 'CHOOSE', option: 'tervehdi' });
    const session = {
      id: 'session-0001',
      gameId: mini.id,
      gameVersion: mini.version,
      mode: 'solo' as const,
      status: 'in-progress' as const,
      snapshot: { machine: actor.getPersistedSnapshot() },
      events: [{ type: 'CHOOSE', option: 'tervehdi', scene: 'alku', at: Date.now() }],
      startedAt: Date.now(),
      updatedAt: Date.now(),
    };
    await store.saveGameSession(session);
    await settle();
    const mid = api.renderCMIToJSONObject() as { cmi: Record<string, any> };
    expect(mid.cmi.core.lesson_location).toBe('valiarvio');
    expect(mid.cmi.core.lesson_status).toBe('incomplete');
    expect(Object.values(mid.cmi.interactions)).toHaveLength(1);

    const attempt = await store.startAttempt(mini.id, mini.version);
    await store.finishTry(attempt.id, { no: 1, questionIds: [], percent: 100, passed: true, finishedAt: Date.now() });
    await store.completeAttempt(attempt.id, { contentId: mini.id, contentVersion: mini.version, title: mini.title, percent: 100 });
    await settle();
    link.finish();
    stop();
    expect(log.filter((e) => !e.ok)).toEqual([]);
    const done = api.renderCMIToJSONObject() as { cmi: Record<string, any> };
    expect(done.cmi.core.lesson_status).toBe('passed');
    expect(done.cmi.core.score.raw).toBe('100');

    const other = await ProgressStore.open(`lms-${++n}`);
    await gameAdapter(mini).restore(other, done.cmi.suspend_data, 'resume');
    expect((await other.openGameSession(mini.id, 'solo'))?.id).toBe('session-0001');
  });
});
