// @vitest-environment happy-dom
/**
 * The package's SCORM runtime against scorm-again held to Moodle's data-model rules (moodle-lms.ts):
 * every SetValue of a whole course run and a game run accepted by Moodle's rules, nothing after
 * Terminate, exit "suspend" from the first commit, the never-worse rule, Moodle's mastery
 * override, refused values that do not stop later commits, and the LMS's resume data as untrusted input.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { courseAdapter, gameAdapter } from '../../src/lms/adapters';
import { fitSuspend } from '../../src/lms/cmi';
import { cmiId } from '../../src/lms/cmi-id';
import { LmsLink } from '../../src/lms/lms-link';
import { checkValue, MoodleDataModel } from '../../src/lms/moodle-datamodel';
import { manifest12 } from '../../src/lms/packager/manifest';
import { decodeGameResume, decodeResume } from '../../src/lms/resume-data';
import { encodeSuspend, SUSPEND_LIMIT_12, type ResumeState } from '../../src/lms/suspend';
import { ProgressStore } from '../../src/storage/progress';
import { rightAnswer, takeCourse } from './course-runs';
import { freshCmi, moodleLms, type MoodleLms } from './moodle-lms';

const content = buildContent(join(import.meta.dirname, '../..'));
const course = content.courses.find((c) => c.meta.id === 'avoin-hallinto')!.compiled.fi!;
const game = content.games.find((g) => g.meta.id === 'palvelutiski')?.compiled.fi ?? content.games[0]!.compiled.fi!;
const steps = course.modules.flatMap((m) => m.pages.map((p) => ({ moduleId: m.id, pageId: p.id })));
const win = window as unknown as Record<string, unknown>;
let n = 0;
const settle = (ms = 250) => new Promise((r) => setTimeout(r, ms));
const el = (version: '1.2' | '2004', v12: string, v2004: string) => (version === '1.2' ? v12 : v2004);

afterEach(() => {
  delete win.API;
  delete win.API_1484_11;
});

/** Launches the course against the LMS: restore, follow; returns the link and a stop function. */
async function launch(version: '1.2' | '2004', lms: MoodleLms, store?: ProgressStore, commitDelayMs = 20) {
  const log: { ok: boolean; code?: string; element?: string }[] = [];
  const link = LmsLink.connect(version, (e) => log.push(e), window, commitDelayMs)!;
  const s = store ?? (await ProgressStore.open(`rt-${++n}`));
  await link.restore(s, courseAdapter(course));
  const stop = link.follow(s, courseAdapter(course));
  await settle();
  return { link, store: s, stop, log };
}

/** The package's calls end with Terminate and contain nothing after it. */
function expectEndsWithTerminate(lms: MoodleLms) {
  expect(lms.calls.at(-1)).toBe('Terminate');
  expect(lms.calls.filter((c) => c === 'Terminate')).toHaveLength(1);
}

describe('Moodle’s data model, as the package uses it', () => {
  it('knows Moodle’s patterns (the checks are real)', () => {
    expect(checkValue('1.2', 'cmi.interactions.0.id', 'kysymys-1')).toBeNull();
    expect(checkValue('1.2', 'cmi.interactions.0.id', 'kysymys ä')).toMatch(/format/);
    expect(checkValue('1.2', 'cmi.core.score.raw', '150')).toMatch(/outside/);
    expect(checkValue('1.2', 'cmi.core.score.raw', 'NaN')).toMatch(/format/);
    expect(checkValue('1.2', 'cmi.interactions.0.time', 'NaN:NaN:NaN')).toMatch(/format/);
    expect(checkValue('1.2', 'cmi.suspend_data', 'x'.repeat(4097))).toMatch(/4096/);
    expect(checkValue('1.2', 'cmi.core.lesson_status', 'not attempted')).not.toBeNull();
    expect(checkValue('2004', 'cmi.interactions.0.timestamp', '2026-12-04T10:00:00.5Z')).toBeNull();
    expect(checkValue('2004', 'cmi.interactions.0.timestamp', '9999-12-04T10:00:00.5Z')).not.toBeNull();
    expect(checkValue('2004', 'cmi.score.scaled', '1.5')).toMatch(/outside/);
    expect(checkValue('2004', 'cmi.session_time', 'PT1H2M3.45S')).toBeNull();
    const model = new MoodleDataModel('2004');
    expect(model.check('cmi.interactions.0.type', 'choice')).toMatch(/408/);
    expect(model.check('cmi.interactions.0.id', 'q1')).toBeNull();
    expect(model.check('cmi.interactions.0.type', 'choice')).toBeNull();
    expect(model.check('cmi.interactions.0.learner_response', 'a[,]ä')).toMatch(/choice/);
    expect(model.check('cmi.interactions.0.learner_response', 'a[,]b')).toBeNull();
    expect(model.check('cmi.interactions.2.id', 'q3')).toMatch(/skips/);
  });

  it('maps any author id to a valid identifier, deterministically', () => {
    expect(cmiId('kysymys-1')).toBe('kysymys-1');
    const ids = ['Päätös 1', 'päätös 1', 'Ärsyttävä kysymys?', 'ß æ ø', '{}<>', '', 'x'.repeat(300), 'urn:x:y', '日本語'];
    const mapped = ids.map(cmiId);
    expect(new Set(mapped).size).toBe(ids.length);
    expect(cmiId('Päätös 1')).toBe(mapped[0]); // the same every time
    expect(mapped[0]).toMatch(/^Paatos-1-h[0-9a-z]+$/);
    for (const id of mapped) {
      expect(checkValue('1.2', 'cmi.interactions.0.id', id), id).toBeNull();
      expect(checkValue('2004', 'cmi.interactions.0.id', id), id).toBeNull();
      expect(id).toMatch(/^[\w.-]{1,250}$/); // also a 2004 short identifier (option ids in responses)
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => checkValue('1.2', 'cmi.interactions.0.id', cmiId(raw)) === null && /^[\w.-]{1,250}$/.test(cmiId(raw))));
  });

  it('keeps 1.2 suspend data within 4096 characters even for an oversized state', () => {
    const many: ResumeState = {
      courseId: course.id,
      contentVersion: course.version,
      updatedAt: Date.now(),
      visited: steps.map((s) => s.pageId),
      completed: false,
      timeSpentMs: 0,
      checks: Object.fromEntries(Object.keys(course.questions).map((id) => [id, rightAnswer(course, id)])),
      tries: [1, 2, 3, 4, 5].map((no) => ({ no, questionIds: course.finalTest!.pool, percent: 10, passed: false, finishedAt: Date.now() - 1000 })),
      lastTryAnswers: Object.fromEntries(course.finalTest!.pool.map((id) => [id, rightAnswer(course, id)])),
      openTry: { no: 6, questionIds: course.finalTest!.pool, startedAt: Date.now() - 500, answers: Object.fromEntries(course.finalTest!.pool.map((id) => [id, rightAnswer(course, id)])) },
    };
    expect(encodeSuspend(many).length).toBeGreaterThan(SUSPEND_LIMIT_12);
    const fitted = fitSuspend(many, SUSPEND_LIMIT_12);
    expect(fitted.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
    expect(decodeResume(course, fitted).state?.visited).toEqual(many.visited);
  });
});

for (const version of ['1.2', '2004'] as const) {
  describe(`SCORM ${version}: a whole run checked with Moodle’s rules`, () => {
    it('a full course run: no SetValue Moodle would refuse, ends with Terminate and nothing after', async () => {
      const lms = moodleLms(version, freshCmi(version));
      const { link, store, stop, log } = await launch(version, lms);
      // The first commit: incomplete, exit suspend, suspend data, before anything else happened.
      const firstCommit = lms.calls.indexOf('Commit');
      const beforeFirst = lms.calls.slice(0, firstCommit);
      expect(beforeFirst).toContain(`SetValue ${el(version, 'cmi.core.exit', 'cmi.exit')}`);
      expect(beforeFirst).toContain('SetValue cmi.suspend_data');
      expect(lms.cmi()[version === '1.2' ? 'core' : 'exit']).toBeTruthy();
      expect(version === '1.2' ? lms.cmi().core.exit : lms.cmi().exit).toBe('suspend');

      await takeCourse(store, course, { tries: [20, 100] });
      await settle();
      link.finish();
      link.finish(); // pagehide after the learner's own exit: nothing more
      window.dispatchEvent(new Event('pagehide'));
      document.dispatchEvent(new Event('visibilitychange'));
      await settle(100);
      stop();
      expect(lms.mismatches).toEqual([]);
      expect(log.filter((e) => !e.ok)).toEqual([]);
      expectEndsWithTerminate(lms);
      const data = lms.cmi();
      expect(Object.keys(data.interactions ?? {}).length).toBeGreaterThan(course.finalTest!.draw * 2);
      if (version === '1.2') expect(data.core).toMatchObject({ lesson_status: 'passed', exit: '' });
      else expect(data).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal' });
    });

    it('a game run: no SetValue Moodle would refuse', async () => {
      const lms = moodleLms(version, freshCmi(version));
      const link = LmsLink.connect(version, undefined, window, 20)!;
      const store = await ProgressStore.open(`rt-${++n}`);
      await link.restore(store, gameAdapter(game));
      const stop = link.follow(store, gameAdapter(game));
      const { createActor } = await import('xstate');
      const { createGameMachine, possibleEvents, currentScene } = await import('../../src/game/machine');
      const actor = createActor(createGameMachine(game)).start();
      const events: { type: string; at: number; scene: string; option?: string }[] = [];
      for (let i = 0; i < 80 && actor.getSnapshot().status !== 'done'; i++) {
        const event = possibleEvents(game, actor.getSnapshot()).at(-1)!;
        events.push({ ...event, scene: currentScene(actor.getSnapshot()), at: Date.now() });
        actor.send(event);
        await store.saveGameSession({
          id: 'session-1',
          gameId: game.id,
          gameVersion: game.version,
          mode: 'solo',
          status: actor.getSnapshot().status === 'done' ? 'completed' : 'in-progress',
          snapshot: { machine: actor.getPersistedSnapshot() },
          events: [...events],
          startedAt: events[0]!.at,
          updatedAt: Date.now(),
        });
        await settle(5);
      }
      const attempt = await store.startAttempt(game.id, game.version);
      await store.finishTry(attempt.id, { no: 1, questionIds: [], percent: 40, passed: false, finishedAt: Date.now() });
      await store.completeAttempt(attempt.id, { contentId: game.id, contentVersion: game.version, title: game.title, percent: 40 });
      await settle();
      link.finish();
      stop();
      expect(lms.mismatches).toEqual([]);
      expectEndsWithTerminate(lms);
      expect(Object.keys(lms.cmi().interactions ?? {}).length).toBeGreaterThan(0);
    });

    it('review mode with a completed attempt: the LMS’s status is never made worse', async () => {
      const held =
        version === '1.2'
          ? freshCmi(version, { lesson_status: 'passed', lesson_mode: 'review', credit: 'no-credit', entry: '', score: { raw: '90', min: '0', max: '100' } })
          : freshCmi(version, { completion_status: 'completed', success_status: 'passed', mode: 'review', credit: 'no-credit', entry: '', score: { raw: '90', min: '0', max: '100', scaled: '0.9' } });
      const lms = moodleLms(version, held);
      // A new device, no resume data: locally the course looks barely started, with a lower score.
      const { link, store, stop } = await launch(version, lms);
      await takeCourse(store, course, { pages: 2, tries: [20] });
      await settle();
      link.finish();
      stop();
      expect(lms.mismatches).toEqual([]);
      const data = lms.cmi();
      if (version === '1.2') expect(data.core).toMatchObject({ lesson_status: 'passed', exit: '', score: { raw: '90' } });
      else expect(data).toMatchObject({ completion_status: 'completed', success_status: 'passed', exit: 'normal', score: { raw: '90' } });
    });

    it('an LMS that refuses one value keeps receiving the rest, and the “not saved” state clears', async () => {
      const lms = moodleLms(version, freshCmi(version));
      const api = lms.api as unknown as Record<string, (e: string, v: string) => string>;
      const setName = version === '1.2' ? 'LMSSetValue' : 'SetValue';
      const wrapped = win[version === '1.2' ? 'API' : 'API_1484_11'] as Record<string, (...a: string[]) => string>;
      const realSet = wrapped[setName]!;
      let refuseLocation = true;
      // This LMS refuses every location (405/406), as a stricter LMS might.
      wrapped[setName] = (e: string, v: string) => (refuseLocation && /location$/.test(e) ? 'false' : realSet(e, v));
      const realError = wrapped[version === '1.2' ? 'LMSGetLastError' : 'GetLastError']!;
      wrapped[version === '1.2' ? 'LMSGetLastError' : 'GetLastError'] = () => (refuseLocation ? (version === '1.2' ? '405' : '406') : realError());
      const { link, store, stop } = await launch(version, lms);
      const states: string[] = [];
      link.onStateChange((s) => states.push(s));
      await takeCourse(store, course, { pages: 3 });
      await settle(150);
      refuseLocation = false;
      const commitsBefore = lms.calls.filter((c) => c === 'Commit').length;
      await takeCourse(store, course, { pages: 5 });
      await settle(150);
      expect(lms.calls.filter((c) => c === 'Commit').length).toBeGreaterThan(commitsBefore);
      expect(states.at(-1)).toBe('saved');
      const saved = decodeResume(course, lms.cmi().suspend_data).state!;
      expect(saved.visited).toHaveLength(5);
      expect(version === '1.2' ? lms.cmi().core.lesson_location : lms.cmi().location).toBe(`${steps[4]!.moduleId}/${steps[4]!.pageId}`);
      link.finish();
      stop();
      void api;
    });
  });
}

describe('Moodle’s “mastery score overrides status” (on by default)', () => {
  const masteryIn = (manifest: string) => {
    const m = /<adlcp:masteryscore>(\d+)</.exec(manifest);
    return m ? Number(m[1]) : undefined;
  };
  const failOnceWithTriesLeft = async (masteryScore: number | undefined) => {
    const lms = moodleLms('1.2', freshCmi('1.2'), { masteryScore });
    const { link, store, stop } = await launch('1.2', lms);
    await takeCourse(store, course, { tries: [16] });
    await settle();
    link.finish();
    stop();
    expect(lms.mismatches).toEqual([]);
    return lms.cmi().core as Record<string, any>;
  };

  it('the simulation bites: with a mastery score in the manifest, one failed try would lock the learner out', async () => {
    expect(course.finalTest!.maxTries === 0 || course.finalTest!.maxTries > 1).toBe(true);
    const core = await failOnceWithTriesLeft(course.passMark);
    expect(core.score.raw).toBe('16');
    expect(core.lesson_status).toBe('failed'); // Moodle would now launch review mode, no-credit
  });

  it('with our manifest (no mastery score), a failed try with tries left stays incomplete', async () => {
    const manifest = manifest12({ id: course.id, version: course.version, languages: ['fi'], title: { fi: course.title }, description: { fi: course.description }, files: ['index.html'] });
    expect(masteryIn(manifest), 'DECISIONS.md: manifests carry no adlcp:masteryscore').toBeUndefined();
    const core = await failOnceWithTriesLeft(masteryIn(manifest));
    expect(core.lesson_status).toBe('incomplete');
    expect(core.score.raw).toBe('16');
    expect(core.exit).toBe('suspend');
  });
});

describe('resume data from the LMS is untrusted input', () => {
  const valid = (over: Partial<ResumeState> = {}): ResumeState => ({
    courseId: course.id,
    contentVersion: course.version,
    updatedAt: Date.now() - 60_000,
    location: `${steps[2]!.moduleId}/${steps[2]!.pageId}`,
    visited: steps.slice(0, 3).map((s) => s.pageId),
    completed: false,
    timeSpentMs: 60_000,
    checks: {},
    tries: [{ no: 1, questionIds: course.finalTest!.pool.slice(0, 2), percent: 40, passed: false, finishedAt: Date.now() - 100_000 }],
    lastTryAnswers: {},
    ...over,
  });

  it('refuses garbage, another course’s data, and “resume” with nothing to resume', () => {
    for (const text of ['garbage', '["k2"', 'A'.repeat(4096), '\u0000\uFFFF\uD800', 'null', '{}', '[]']) expect(decodeResume(course, text), text).toEqual({ state: null, problem: true });
    expect(decodeResume(course, encodeSuspend(valid({ courseId: 'toinen-kurssi' })))).toEqual({ state: null, problem: true });
    expect(decodeResume(course, '', 'resume').problem).toBe(true);
    expect(decodeResume(course, '', 'ab-initio').problem).toBe(false);
  });

  it('drops what is out of range or names what does not exist, and says so', () => {
    const text = encodeSuspend(valid());
    const packed = JSON.parse(text) as unknown[];
    const tamper = (index: number, value: unknown) => JSON.stringify(packed.map((v, i) => (i === index ? value : v)));
    expect(decodeResume(course, tamper(5, '<img src=x onerror=alert(1)>'))).toMatchObject({ problem: true, state: { location: undefined } });
    expect(decodeResume(course, tamper(3, ['ei-ole-olemassa', steps[0]!.pageId]))).toMatchObject({ problem: true, state: { visited: [steps[0]!.pageId] } });
    expect(decodeResume(course, tamper(9, [[1, 'abc', 0, 'abc'], [2, 150, 0, (Date.now() - 1).toString(36)]]))).toMatchObject({ problem: true, state: { tries: [] } });
    expect(decodeResume(course, tamper(4, (Date.UTC(9999, 0, 1)).toString(36))).state).toBeNull();
    expect(decodeResume(course, tamper(4, '1e400')).state).toBeNull();
    // Data written before resume data named its course ("k1"): used only when all it names exists here.
    const legacy = JSON.stringify(['k1', ...packed.slice(2)]);
    expect(decodeResume(course, legacy)).toEqual(decodeResume(course, text));
    expect(decodeResume(course, JSON.stringify(['k1', ...packed.slice(2).map((v, i) => (i === 1 ? ['toisen-kurssin-sivu'] : v))]))).toEqual({ state: null, problem: true });
    // From another content version, what no longer exists goes without a problem reported.
    expect(decodeResume(course, JSON.stringify(packed.map((v, i) => (i === 2 ? '0.9.0' : i === 3 ? ['poistettu-sivu'] : v))))).toMatchObject({ problem: false, state: { visited: [] } });
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: plausible data with NaN, 150 % and year-9999 dates writes nothing invalid back`, async () => {
      const packed = JSON.parse(encodeSuspend(valid())) as unknown[];
      packed[9] = [[1, 'abc', 0, 'zzzzzzzzz'], [2, 150, 1, (Date.now() - 1000).toString(36), []]];
      packed[4] = (Date.UTC(9999, 0, 1)).toString(36);
      const lms = moodleLms(version, freshCmi(version, { suspend_data: JSON.stringify(packed), entry: 'resume' }));
      const { link, stop } = await launch(version, lms);
      expect(link.restoreProblem).toBe(true);
      link.finish();
      stop();
      expect(lms.mismatches).toEqual([]);
      expectEndsWithTerminate(lms);
    });
  }

  /** Suspend data an LMS might hand back: anything, near-valid encodings, valid ones mutated. */
  const suspendData = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom('', 'A'.repeat(4096), '["k2"]', '["k1","1.0.0",[]]', encodeSuspend(valid()).slice(0, 40)),
    fc
      .tuple(fc.nat(11), fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.constant('zzzzzzzzzz'), fc.constant(['<b>x</b>'])))
      .map(([index, value]) => JSON.stringify((JSON.parse(encodeSuspend(valid())) as unknown[]).map((v, i) => (i === index ? value : v)))),
    fc.json({ maxDepth: 3 }),
  );

  it('a game refuses another game’s session and a scene that does not exist', () => {
    const session = { id: 's1', gameId: game.id, gameVersion: game.version, mode: 'solo', status: 'in-progress', events: [], startedAt: Date.now() - 5000, updatedAt: Date.now() - 1000 };
    const machine = { status: 'active', value: game.start, context: { meters: Object.fromEntries(game.meters.map((m) => [m.id, m.start])), points: 0, path: [] } };
    const data = (over: object, machineOver: object = {}) => JSON.stringify({ v: 'g1', version: game.version, updatedAt: Date.now() - 1000, session: { ...session, snapshot: { machine: { ...machine, ...machineOver } }, ...over } });
    expect(decodeGameResume(game, data({}))).toMatchObject({ problem: false, session: { id: 's1' } });
    expect(decodeGameResume(game, data({ gameId: 'toinen-peli' }))).toEqual({ session: null, problem: true });
    expect(decodeGameResume(game, data({}, { value: '<img src=x>' }))).toEqual({ session: null, problem: true });
    expect(decodeGameResume(game, data({}, { context: { ...machine.context, points: Number.NaN } }))).toEqual({ session: null, problem: true });
    expect(decodeGameResume(game, '', 'resume')).toEqual({ session: null, problem: true });
  });

  /** A game's suspend data: anything, or its own session format with a field replaced. */
  const gameSuspend = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
    fc
      .tuple(
        fc.constantFrom('v', 'version', 'updatedAt', 'session'),
        fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.constant({ gameId: game.id, mode: 'solo', snapshot: { machine: { value: '<b>' } } })),
      )
      .map(([key, value]) => JSON.stringify({ v: 'g1', version: game.version, updatedAt: Date.now() - 1000, session: null, [key]: value })),
  );

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: a game package takes any suspend data without a refused SetValue or an error`, async () => {
      await fc.assert(
        fc.asyncProperty(gameSuspend, async (suspend) => {
          const cmi = freshCmi(version, version === '1.2' ? { entry: 'resume' } : { entry: 'resume', suspend_data: suspend });
          if (version === '1.2') (cmi as Record<string, unknown>).suspend_data = suspend;
          let lms: MoodleLms;
          try {
            lms = moodleLms(version, cmi);
          } catch {
            return;
          }
          const link = LmsLink.connect(version, undefined, window, 5)!;
          const store = await ProgressStore.open(`rt-${++n}`);
          await link.restore(store, gameAdapter(game));
          const stop = link.follow(store, gameAdapter(game));
          await settle(20);
          link.finish();
          stop();
          expect(lms.mismatches).toEqual([]);
          expect(lms.calls.at(-1)).toBe('Terminate');
        }),
        { numRuns: 30 },
      );
    }, 120_000);
  }

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: whatever suspend data and location the LMS gives, Moodle’s rules accept every SetValue and nothing throws`, async () => {
      const errors: unknown[] = [];
      const onError = (e: unknown) => errors.push(e);
      process.on('uncaughtException', onError);
      process.on('unhandledRejection', onError);
      try {
        await fc.assert(
          fc.asyncProperty(suspendData, fc.string({ maxLength: 300 }), fc.constantFrom('resume', '', 'ab-initio'), async (suspend, location, entry) => {
            const extra = version === '1.2' ? { suspend_data: suspend, lesson_location: location, entry } : { suspend_data: suspend, location, entry };
            const cmi = freshCmi(version, version === '1.2' ? { entry, lesson_location: location } : extra);
            if (version === '1.2') (cmi as Record<string, unknown>).suspend_data = suspend;
            let lms: MoodleLms;
            try {
              lms = moodleLms(version, cmi);
            } catch {
              return; // scorm-again itself refuses to hold this value: no launch to test
            }
            const { link, store, stop } = await launch(version, lms, undefined, 5);
            await takeCourse(store, course, { pages: 2, tries: [30] });
            await settle(30);
            link.finish();
            stop();
            expect(lms.mismatches).toEqual([]);
            expect(lms.calls.at(-1)).toBe('Terminate');
          }),
          { numRuns: 40 },
        );
      } finally {
        process.off('uncaughtException', onError);
        process.off('unhandledRejection', onError);
      }
      expect(errors).toEqual([]);
    }, 120_000);
  }
});
