/**
 * A learner's session on one course: what they have seen and answered, kept in storage as it
 * happens. The UI shows an answer as given only after storage has accepted it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledCourse } from '../content/schema';
import type { Answer, Attempt } from '../storage/db';
import type { ProgressStore } from '../storage/progress';
import { isCompleted, type TestTry } from './completion';
import { drawQuestions, isCorrect, scoreTest, type Response } from './scoring';

export interface SessionState {
  loaded: boolean;
  attempt: Attempt | null;
  visited: Set<string>;
  /** Latest knowledge-check answer per question. */
  checkAnswers: Record<string, Answer>;
  /** Responses in the final-test try that is open now. */
  testAnswers: Record<string, Response>;
  /** Responses of the latest submitted try, for its results view. */
  lastTryAnswers: Record<string, Response>;
  learnerName: string;
  /** A storage failure the learner must know about (nothing is silently dropped). */
  error: string | null;
}

const initial: SessionState = {
  loaded: false,
  attempt: null,
  visited: new Set(),
  checkAnswers: {},
  testAnswers: {},
  lastTryAnswers: {},
  learnerName: '',
  error: null,
};

function latestByQuestion(answers: Answer[], context: string): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  for (const a of answers) if (a.context === context) out[a.questionId] = a; // answers come sorted by time
  return out;
}

const responses = (answers: Record<string, Answer>) =>
  Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.response]));

export function useCourseSession(store: ProgressStore, course: CompiledCourse | null) {
  const [state, setState] = useState<SessionState>(initial);
  const stateRef = useRef(state);
  stateRef.current = state;
  // Writes run one after another, in the order the learner made them.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (!course) return;
    let cancelled = false;
    void (async () => {
      const [snapshot, profile] = await Promise.all([store.loadAttempt(course.id, course.version), store.getProfile()]);
      if (cancelled) return;
      const attempt = snapshot?.attempt ?? null;
      const lastTry = attempt?.tries.at(-1);
      setState({
        ...initial,
        loaded: true,
        attempt,
        visited: snapshot?.visited ?? new Set(),
        checkAnswers: latestByQuestion(snapshot?.answers ?? [], 'check'),
        testAnswers: attempt?.openTry ? responses(latestByQuestion(snapshot!.answers, `test:${attempt.openTry.no}`)) : {},
        lastTryAnswers: lastTry ? responses(latestByQuestion(snapshot!.answers, `test:${lastTry.no}`)) : {},
        learnerName: profile.name,
      });
    })();
    return () => {
      cancelled = true;
    };
  }, [store, course]);

  const run = useCallback(<T>(task: () => Promise<T>): Promise<T | undefined> => {
    const next = queue.current.then(task).catch((error: unknown) => {
      console.error(error);
      setState((s) => ({ ...s, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
      return undefined;
    });
    queue.current = next;
    return next;
  }, []);

  const ensureAttempt = useCallback(async (): Promise<Attempt> => {
    const current = stateRef.current.attempt;
    if (current) return current;
    const attempt = await store.startAttempt(course!.id, course!.version);
    setState((s) => ({ ...s, attempt }));
    stateRef.current = { ...stateRef.current, attempt };
    return attempt;
  }, [store, course]);

  const completeIfDone = useCallback(
    async (attempt: Attempt, visited: Set<string>) => {
      if (!course || attempt.status === 'completed') return attempt;
      const pageIds = course.modules.flatMap((m) => m.pages.map((p) => p.id));
      if (!isCompleted(course.completion, { pageIds, visited, tries: attempt.tries })) return attempt;
      const changes = { status: 'completed' as const, finishedAt: Date.now() };
      await store.updateAttempt(attempt.id, changes);
      return { ...attempt, ...changes };
    },
    [store, course],
  );

  const visit = useCallback(
    (moduleId: string, pageId: string) =>
      run(async () => {
        const attempt = await ensureAttempt();
        const location = `${moduleId}/${pageId}`;
        const visited = new Set(stateRef.current.visited);
        if (visited.has(pageId)) await store.updateAttempt(attempt.id, { location });
        else await store.recordVisit(attempt.id, pageId, location);
        visited.add(pageId);
        const updated = await completeIfDone({ ...attempt, location }, visited);
        setState((s) => ({ ...s, visited, attempt: updated }));
      }),
    [run, ensureAttempt, completeIfDone, store],
  );

  const setLocation = useCallback(
    (location: string) =>
      run(async () => {
        const attempt = await ensureAttempt();
        await store.updateAttempt(attempt.id, { location });
        setState((s) => ({ ...s, attempt: s.attempt && { ...s.attempt, location } }));
      }),
    [run, ensureAttempt, store],
  );

  const answerCheck = useCallback(
    (questionId: string, response: Response) =>
      run(async () => {
        const attempt = await ensureAttempt();
        const question = course!.questions[questionId]!;
        const answer = await store.recordAnswer({
          attemptId: attempt.id,
          questionId,
          context: 'check',
          response,
          correct: isCorrect(question, response),
        });
        setState((s) => ({ ...s, checkAnswers: { ...s.checkAnswers, [questionId]: answer } }));
      }),
    [run, ensureAttempt, store, course],
  );

  const startTry = useCallback(
    () =>
      run(async () => {
        const attempt = await ensureAttempt();
        if (attempt.openTry || !course?.finalTest) return;
        const openTry = {
          no: attempt.tries.length + 1,
          questionIds: drawQuestions(course.finalTest.pool, course.finalTest.draw),
          startedAt: Date.now(),
        };
        await store.updateAttempt(attempt.id, { openTry, location: 'test' });
        setState((s) => ({ ...s, attempt: { ...attempt, openTry, location: 'test' }, testAnswers: {} }));
      }),
    [run, ensureAttempt, store, course],
  );

  const answerTest = useCallback(
    (questionId: string, response: Response) => {
      // The choice shows at once (a radio must not lag); the write follows in order, and a
      // failed write raises the storage notice.
      setState((s) => ({ ...s, testAnswers: { ...s.testAnswers, [questionId]: response } }));
      stateRef.current = { ...stateRef.current, testAnswers: { ...stateRef.current.testAnswers, [questionId]: response } };
      return run(async () => {
        const attempt = stateRef.current.attempt;
        if (!attempt?.openTry) return;
        await store.recordAnswer({
          attemptId: attempt.id,
          questionId,
          context: `test:${attempt.openTry.no}`,
          response,
          correct: isCorrect(course!.questions[questionId]!, response),
        });
      });
    },
    [run, store, course],
  );

  const submitTry = useCallback(
    () =>
      run(async () => {
        const attempt = stateRef.current.attempt;
        if (!attempt?.openTry || !course) return;
        const questions = attempt.openTry.questionIds.map((id) => course.questions[id]!);
        const answers = stateRef.current.testAnswers;
        const score = scoreTest(questions, answers, course.passMark);
        const finished: TestTry = {
          no: attempt.openTry.no,
          questionIds: attempt.openTry.questionIds,
          percent: score.percent,
          passed: score.passed,
          finishedAt: Date.now(),
        };
        const tries = [...attempt.tries, finished];
        await store.finishTry(attempt.id, tries);
        const updated = await completeIfDone({ ...attempt, tries, openTry: undefined }, stateRef.current.visited);
        setState((s) => ({ ...s, attempt: updated, lastTryAnswers: answers, testAnswers: {} }));
        return finished;
      }),
    [run, store, course, completeIfDone],
  );

  const setLearnerName = useCallback(
    (name: string) =>
      run(async () => {
        await store.saveProfile({ name });
        setState((s) => ({ ...s, learnerName: name }));
      }),
    [run, store],
  );

  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  return { state, visit, setLocation, answerCheck, startTry, answerTest, submitTry, setLearnerName, clearError };
}

export type CourseSession = ReturnType<typeof useCourseSession>;
