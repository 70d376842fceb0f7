/**
 * What the LMS link needs from a course or a game: how to restore the LMS's copy into local
 * storage, and a stream of what to report as progress changes. The link itself is the same for both.
 */
import { liveQuery } from 'dexie';
import type { CompiledGame } from '../content/game-schema';
import type { CompiledCourse } from '../content/schema';
import type { GameSession } from '../storage/db';
import type { ProgressStore } from '../storage/progress';
import { cmiValues, interactionValues, type CmiValues } from './cmi';
import { cmiId } from './cmi-id';
import { clip, iso8601Timestamp, realNumber, scorm12Clock, type ScormVersion } from './formats';
import { decodeGameResume, decodeResume, type GameResume } from './resume-data';
import { optionLetter } from '../game/rules';
import { bestTry } from '../course/completion';
import { reportsAnswer } from './package-options';

export interface LmsReport {
  /** Status, score, location, suspend data and exit, in the order they must be set. */
  values: CmiValues;
  /** New interactions since the session began: a stable key and the values for index n. */
  interactions: { key: string; values: (index: number) => CmiValues }[];
}

export interface LmsContent {
  /**
   * Restores what is valid of the LMS's resume data into local storage.
   * @returns problem: the LMS held resume data that could not be used, in whole or in part
   */
  restore(store: ProgressStore, suspendData: string, entry: string): Promise<{ problem: boolean }>;
  observe(store: ProgressStore, version: ScormVersion, sessionStart: number, onReport: (report: LmsReport) => void): { unsubscribe(): void };
}

export function courseAdapter(course: CompiledCourse): LmsContent {
  return {
    async restore(store, suspendData, entry) {
      const { state: fromLms, problem } = decodeResume(course, suspendData, entry);
      const local = await store.loadAttempt(course.id);
      // The LMS is the source of truth, unless the device holds newer progress the LMS missed.
      if (fromLms && (!local || fromLms.updatedAt >= local.attempt.updatedAt)) await store.replaceAttempt(course.id, fromLms);
      return { problem };
    },
    observe(store, version, sessionStart, onReport) {
      return store.observeAttempt(
        course.id,
        (snapshot) => {
          onReport({
            values: cmiValues(course, snapshot, version),
            interactions: (snapshot?.answers ?? [])
              .filter((a) => a.at >= sessionStart && reportsAnswer(a.context))
              .map((answer) => ({ key: answer.id, values: (index: number) => interactionValues(course, answer, index, version) })),
          });
        },
        (error) => console.error(error),
      );
    },
  };
}

/** A game's resume data is its solo session (the actor snapshot and the moves) and its scores. */
export function gameAdapter(game: CompiledGame): LmsContent {
  const latestSession = async (store: ProgressStore) => (await store.gameSessions(game.id)).filter((s) => s.mode === 'solo').at(-1) ?? null;
  return {
    async restore(store, suspendData, entry) {
      const { session, problem } = decodeGameResume(game, suspendData, entry);
      const local = await latestSession(store);
      if (session && (!local || session.updatedAt >= local.updatedAt)) await store.saveGameSession(session);
      return { problem };
    },
    observe(store, version, sessionStart, onReport) {
      return liveQuery(async () => ({ session: await latestSession(store), attempt: await store.latestAttempt(game.id) })).subscribe({
        next: ({ session, attempt }) => {
          const best = attempt ? bestTry(attempt.tries.filter((t) => Number.isFinite(t.percent))) : undefined;
          const percent = best && realNumber(best.percent, 0, 100);
          const completed = attempt?.status === 'completed';
          const passed = Boolean(best && best.percent >= game.passMark);
          // Keep only the moves needed to show the path; the actor snapshot holds the state.
          const suspend = JSON.stringify({ v: 'g1', version: game.version, updatedAt: session?.updatedAt ?? 0, session } satisfies GameResume);
          const scene = session ? String((session.snapshot as { machine?: { value?: unknown } })?.machine?.value ?? '') : '';
          const values: CmiValues = [];
          if (version === '1.2') {
            if (scene) values.push(['cmi.core.lesson_location', clip(scene, 255)]);
            if (percent !== undefined) values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', percent]);
            values.push(['cmi.core.lesson_status', completed ? (passed ? 'passed' : 'failed') : 'incomplete'], ['cmi.suspend_data', suspend], ['cmi.core.exit', completed ? '' : 'suspend']);
          } else {
            if (scene) values.push(['cmi.location', clip(scene, 1000)]);
            if (percent !== undefined) values.push(['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', percent], ['cmi.score.scaled', realNumber(Number(percent) / 100, 0, 1) ?? '0']);
            values.push(
              ['cmi.completion_status', completed ? 'completed' : 'incomplete'],
              ['cmi.success_status', completed ? (passed ? 'passed' : 'failed') : 'unknown'],
              ['cmi.suspend_data', suspend],
              ['cmi.exit', completed ? 'normal' : 'suspend'],
            );
          }
          // Every choice made in this session, as a choice interaction (no right answer: neutral).
          const interactions = (session?.events ?? [])
            .filter((e) => e.type === 'CHOOSE' && e.at >= sessionStart)
            .map((e) => {
              const scene = game.scenes[String(e.scene)];
              const index = scene?.type === 'choices' ? scene.options.findIndex((o) => o.id === e.option) : -1;
              return {
                key: `${session!.id}-${e.at}`,
                values: (n: number): CmiValues => {
                  const base = `cmi.interactions.${n}`;
                  const response = index >= 0 ? optionLetter(index).toLowerCase() : 'a';
                  const id = cmiId(`${game.id}-${String(e.scene)}`);
                  const when = version === '1.2' ? scorm12Clock(e.at) : iso8601Timestamp(e.at);
                  const values: CmiValues =
                    version === '1.2'
                      ? [[`${base}.id`, id], [`${base}.type`, 'choice'], [`${base}.student_response`, response], [`${base}.result`, 'neutral']]
                      : [[`${base}.id`, id], [`${base}.type`, 'choice'], [`${base}.learner_response`, response], [`${base}.result`, 'neutral']];
                  if (when) values.push([`${base}.${version === '1.2' ? 'time' : 'timestamp'}`, when]);
                  return values;
                },
              };
            });
          onReport({ values, interactions });
        },
        error: (e) => console.error(e),
      });
    },
  };
}
