/**
 * A learner's session on one course. Progress is read through a live query, so what another tab
 * writes shows here too; every action is written to storage as it happens, in order. A write that
 * fails is kept and can be retried: nothing the learner did is silently dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledCourse } from '../content/schema';
import type { Answer, Attempt } from '../storage/db';
import type { AttemptSnapshot, ProgressStore } from '../storage/progress';
import { trackWrite } from '../storage/pending-writes';
import { isCompleted, bestTry, courseState, ruleOfCourse, type CourseState, type TestTry } from './completion';
import { drawQuestions, isCorrect, scoreTest, type Response } from './scoring';

export interface SessionState {
  loaded: boolean;
  attempt: Attempt | null;
  visited: Set<string>;
  /** Status, test state and unread pages by the course's completion rule: what every screen shows. */
  progress: CourseState;
  /** Latest knowledge-check answer per question (questions no longer in the course left out). */
  checkAnswers: Record<string, Answer>;
  /** How many times each knowledge check has been checked (a first wrong try keeps the answers hidden). */
  checkTries: Record<string, number>;
  /** Responses in the final-test try that is open now. */
  testAnswers: Record<string, Response>;
  /** Responses of the latest submitted try, for its results view. */
  lastTryAnswers: Record<string, Response>;
  learnerName: string;
  /** The content version the attempt was made on, when the course has changed since. */
  updatedFrom: string | null;
  /** A storage failure the learner must know about, and how many writes wait for a retry. */
  error: { name: string; message: string } | null;
  pendingWrites: number;
}

const STUDY_TICK_MS = 30_000;

function latestByQuestion(answers: Answer[], context: string, course: CompiledCourse): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  // Answers come oldest first; answers to questions the course no longer has are kept but ignored.
  for (const a of answers) if (a.context === context && course.questions[a.questionId]) out[a.questionId] = a;
  return out;
}

const responses = (answers: Record<string, Answer>) => Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.response]));

/**
 * @param store null while local storage is still opening: the course shows at once, and every
 *   write waits in order until the store is there.
 */
export function useCourseSession(store: ProgressStore | null, course: CompiledCourse | null) {
  const [snapshot, setSnapshot] = useState<AttemptSnapshot | null | undefined>(undefined);
  const [learnerName, setName] = useState('');
  const [localTest, setLocalTest] = useState<Record<string, Response>>({});
  const [error, setError] = useState<SessionState['error']>(null);
  const failed = useRef<(() => Promise<unknown>)[]>([]);
  const [pendingWrites, setPending] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;
  const storeRef = useRef(store);
  storeRef.current = store;
  const ready = useRef<{ promise: Promise<void>; resolve: () => void } | null>(null);
  if (!ready.current) {
    let resolve = () => undefined as void;
    const promise = new Promise<void>((r) => (resolve = r));
    ready.current = { promise, resolve };
  }
  useEffect(() => {
    if (store) ready.current!.resolve();
  }, [store]);

  useEffect(() => {
    if (!course || !store) return;
    setSnapshot(undefined);
    const subscription = store.observeAttempt(course.id, setSnapshot, (e) => reportError(e));
    void store.getProfile().then((p) => setName(p.name), reportError);
    return () => subscription.unsubscribe();
  }, [store, course]);

  function reportError(e: unknown) {
    console.error(e);
    const name = e instanceof Error ? ((e as { inner?: Error }).inner?.name ?? e.name) : 'Error';
    setError({ name, message: e instanceof Error ? e.message : String(e) });
  }

  const run = useCallback(<T>(task: () => Promise<T>): Promise<T | undefined> => {
    const next = queue.current.then(() => ready.current!.promise).then(task).catch((e: unknown) => {
      reportError(e);
      failed.current.push(task);
      setPending(failed.current.length);
      return undefined;
    });
    queue.current = next;
    return trackWrite(next);
  }, []);

  /** Replays the writes that failed, in order; the notice stays until every one has succeeded. */
  const retryFailed = useCallback(async () => {
    const tasks = failed.current.splice(0);
    setPending(0);
    let allSaved = true;
    for (const task of tasks) {
      const saved = await run(async () => {
        await task();
        return true;
      });
      if (!saved) allSaved = false;
    }
    if (allSaved) setError(null);
  }, [run]);

  const ensureAttempt = useCallback(async (): Promise<Attempt> => {
    return snapshotRef.current?.attempt ?? storeRef.current!.startAttempt(course!.id, course!.version);
  }, [store, course]);

  /** Completion is decided from what is stored, so every tab agrees. */
  const completeIfDone = useCallback(
    async (attemptId: string) => {
      if (!course) return;
      const snap = await storeRef.current!.loadAttempt(course.id);
      if (!snap || snap.attempt.id !== attemptId || snap.attempt.status === 'completed') return;
      const pageIds = course.modules.flatMap((m) => m.pages.map((p) => p.id));
      if (!isCompleted(course.completion, { pageIds, visited: snap.visited, tries: snap.attempt.tries })) return;
      await storeRef.current!.completeAttempt(attemptId, {
        contentId: course.id,
        contentVersion: course.version,
        title: course.title,
        percent: bestTry(snap.attempt.tries)?.percent,
      });
    },
    [store, course],
  );

  const visit = useCallback(
    (moduleId: string, pageId: string) =>
      run(async () => {
        const attempt = await ensureAttempt();
        await storeRef.current!.recordVisit(attempt.id, pageId, `${moduleId}/${pageId}`);
        await completeIfDone(attempt.id);
      }),
    [run, ensureAttempt, completeIfDone, store],
  );

  const answerCheck = useCallback(
    (questionId: string, response: Response) =>
      run(async () => {
        const attempt = await ensureAttempt();
        await storeRef.current!.recordAnswer({
          attemptId: attempt.id,
          questionId,
          context: 'check',
          response,
          correct: isCorrect(course!.questions[questionId]!, response),
        });
      }),
    [run, ensureAttempt, store, course],
  );

  const startTry = useCallback(
    () =>
      run(async () => {
        if (!course?.finalTest) return;
        const { pool, draw } = course.finalTest;
        const attempt = await ensureAttempt();
        setLocalTest({});
        await storeRef.current!.openTry(attempt.id, () => drawQuestions(pool.filter((id) => course.questions[id]), draw));
      }),
    [run, ensureAttempt, store, course],
  );

  const answerTest = useCallback(
    (questionId: string, response: Response) => {
      // The choice shows at once (a radio must not lag); the write follows in order.
      setLocalTest((local) => ({ ...local, [questionId]: response }));
      return run(async () => {
        const openTry = snapshotRef.current?.attempt.openTry;
        const attempt = snapshotRef.current?.attempt;
        if (!attempt || !openTry) return;
        await storeRef.current!.recordAnswer({
          attemptId: attempt.id,
          questionId,
          context: `test:${openTry.no}`,
          response,
          correct: isCorrect(course!.questions[questionId]!, response),
        });
      });
    },
    [run, store, course],
  );

  const submitTry = useCallback(
    (answers: Record<string, Response>) =>
      run(async (): Promise<TestTry | undefined> => {
        const attempt = snapshotRef.current?.attempt;
        if (!attempt?.openTry || !course) return undefined;
        const ids = attempt.openTry.questionIds.filter((id) => course.questions[id]);
        const score = scoreTest(ids.map((id) => course.questions[id]!), answers, course.passMark);
        const result: TestTry = { no: attempt.openTry.no, questionIds: ids, percent: score.percent, passed: score.passed, finishedAt: Date.now() };
        await storeRef.current!.finishTry(attempt.id, result);
        await completeIfDone(attempt.id);
        setLocalTest({});
        return result;
      }),
    [run, store, course, completeIfDone],
  );

  const setLearnerName = useCallback(
    (name: string) =>
      run(async () => {
        await storeRef.current!.saveProfile({ name });
        setName(name);
      }),
    [run, store],
  );

  const setLocation = useCallback(
    (location: string) =>
      run(async () => {
        const attempt = snapshotRef.current?.attempt;
        if (attempt && attempt.location !== location) await storeRef.current!.updateAttempt(attempt.id, { location });
      }),
    [run, store],
  );

  const acknowledgeUpdate = useCallback(
    () =>
      run(async () => {
        const attempt = snapshotRef.current?.attempt;
        if (attempt && course) await storeRef.current!.updateAttempt(attempt.id, { contentVersion: course.version });
      }),
    [run, store, course],
  );

  // Study time: counted in small steps while the page is visible, flushed when it is hidden.
  const attemptId = snapshot?.attempt.id;
  useEffect(() => {
    if (!attemptId || !store) return;
    let since = document.visibilityState === 'visible' ? Date.now() : 0;
    const flush = () => {
      if (since) void store.addStudyTime(attemptId, Math.min(Date.now() - since, 2 * STUDY_TICK_MS)).catch(reportError);
      since = document.visibilityState === 'visible' ? Date.now() : 0;
    };
    const timer = window.setInterval(flush, STUDY_TICK_MS);
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, [store, attemptId]);

  const clearError = useCallback(() => setError(null), []);

  const state = useMemo((): SessionState => {
    const attempt = snapshot?.attempt ?? null;
    const answers = snapshot?.answers ?? [];
    const lastTry = attempt?.tries.at(-1);
    const visited = snapshot?.visited ?? new Set<string>();
    const progress = courseState(course ? ruleOfCourse(course) : { pageIds: [], completion: { allPages: true, finalTest: 'none' }, maxTries: null }, {
      visited,
      tries: attempt?.tries ?? [],
      openTry: Boolean(attempt?.openTry),
      storedCompleted: attempt?.status === 'completed',
    });
    return {
      loaded: snapshot !== undefined && course !== null && store !== null,
      attempt,
      visited,
      progress,
      checkAnswers: course ? latestByQuestion(answers, 'check', course) : {},
      checkTries: answers.reduce<Record<string, number>>((n, a) => (a.context === 'check' ? { ...n, [a.questionId]: (n[a.questionId] ?? 0) + 1 } : n), {}),
      testAnswers:
        course && attempt?.openTry ? { ...responses(latestByQuestion(answers, `test:${attempt.openTry.no}`, course)), ...localTest } : {},
      lastTryAnswers: course && lastTry ? responses(latestByQuestion(answers, `test:${lastTry.no}`, course)) : {},
      learnerName,
      updatedFrom: attempt && course && attempt.contentVersion !== course.version ? attempt.contentVersion : null,
      error,
      pendingWrites,
    };
  }, [snapshot, course, localTest, learnerName, error, pendingWrites]);

  return { state, visit, setLocation, answerCheck, startTry, answerTest, submitTry, setLearnerName, acknowledgeUpdate, retryFailed, clearError };
}

export type CourseSession = ReturnType<typeof useCourseSession>;
