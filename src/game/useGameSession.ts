/**
 * A game being played, solo or in a workshop: the XState actor, persisted after every move (actor
 * snapshot and event log), so a reload resumes exactly where the play was. A finished play is
 * recorded as an attempt with its score, like a finished course.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { createActor, type Actor } from 'xstate';
import type { CompiledGame } from '../content/game-schema';
import { newId, type GameSession } from '../storage/db';
import type { ProgressStore } from '../storage/progress';
import { createGameMachine, currentScene, type GameEvent, type GameMachine, type GameSnapshot } from './machine';
import { gameScore } from './rules';
import { trackWrite } from '../storage/pending-writes';
import { storedPlayProblem } from '../storage/stored-play';

export interface StoredPlay<W> {
  machine: unknown;
  /** Workshop state (teams, votes, timer, debrief), absent in solo play. */
  workshop?: W;
}

export function useGameSession<W>(store: ProgressStore, game: CompiledGame | null, mode: GameSession['mode']) {
  const [snapshot, setSnapshot] = useState<GameSnapshot | null>(null);
  const [workshop, setWorkshopState] = useState<W | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  /** A stored play that cannot be resumed, and why: the view offers to discard it. */
  const [broken, setBroken] = useState<{ session: GameSession; problem: string } | null>(null);
  const actor = useRef<Actor<GameMachine> | null>(null);
  const session = useRef<GameSession | null>(null);

  const persist = useCallback(
    async (extra?: { type: string; [key: string]: unknown }) => {
      const s = session.current;
      if (!s || !actor.current) return;
      const snap = actor.current.getSnapshot();
      const stored: StoredPlay<W> = { machine: actor.current.getPersistedSnapshot(), workshop: workshopRef.current };
      s.snapshot = stored;
      if (extra) s.events.push({ ...extra, at: Date.now() });
      s.status = snap.status === 'done' ? 'completed' : 'in-progress';
      try {
        await trackWrite(store.saveGameSession(s));
      } catch (e) {
        setError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      }
    },
    [store],
  );
  const workshopRef = useRef<W | undefined>(undefined);

  const start = useCallback(
    (existing?: GameSession) => {
      if (!game) return;
      const machine = createGameMachine(game);
      const stored = existing?.snapshot as StoredPlay<W> | undefined;
      actor.current?.stop();
      actor.current = createActor(machine, stored?.machine ? { snapshot: stored.machine as never } : undefined);
      actor.current.start();
      session.current = existing ?? {
        id: newId(),
        gameId: game.id,
        gameVersion: game.version,
        mode,
        status: 'in-progress',
        snapshot: null,
        events: [],
        startedAt: Date.now(),
        updatedAt: Date.now(),
      };
      workshopRef.current = stored?.workshop;
      setWorkshopState(stored?.workshop);
      setSnapshot(actor.current.getSnapshot());
    },
    [game, mode],
  );

  useEffect(() => {
    if (!game) return;
    let cancelled = false;
    store.openGameSession(game.id, mode).then(
      (existing) => {
        if (cancelled) return;
        // A session from another version of the game cannot be replayed on this one: start anew.
        const problem = existing && existing.gameVersion === game.version ? storedPlayProblem(existing.snapshot, new Set(Object.keys(game.scenes))) : null;
        if (existing && problem) setBroken({ session: existing, problem });
        else start(existing && existing.gameVersion === game.version ? existing : undefined);
      },
      (e) => setError(String(e)),
    );
    return () => {
      cancelled = true;
      actor.current?.stop();
    };
  }, [store, game, mode, start]);

  /** Sends a move to the game; resolves once it is stored. */
  /**
   * Sends a move to the game; resolves with the new snapshot once it is stored. `workshop` (a
   * function of the new snapshot) is stored in the same write, so a reload never sees half a move.
   */
  const send = useCallback(
    async (event: GameEvent, workshop?: (after: GameSnapshot) => W) => {
      if (!actor.current || !game) return null;
      const before = actor.current.getSnapshot();
      actor.current.send(event);
      const after = actor.current.getSnapshot();
      if (after === before) return null;
      if (workshop) {
        workshopRef.current = workshop(after);
        setWorkshopState(workshopRef.current);
      }
      setSnapshot(after);
      await persist({ ...event, scene: currentScene(before) });
      if (after.status === 'done') await recordResult(store, game, after).catch((e: unknown) => setError(String(e)));
      return after;
    },
    [game, persist, store],
  );

  const setWorkshop = useCallback(
    async (next: W, event?: { type: string; [key: string]: unknown }) => {
      workshopRef.current = next;
      setWorkshopState(next);
      await persist(event);
    },
    [persist],
  );

  /** Leaves the current play (kept in storage as abandoned history) and starts a new one. */
  const restart = useCallback(async () => {
    if (session.current && session.current.status === 'in-progress') {
      session.current.status = 'completed';
      await store.saveGameSession(session.current).catch(() => undefined);
    }
    start(undefined);
    await persist({ type: 'START' });
  }, [start, persist, store]);

  /** Deletes the play that cannot be resumed (only that one) and starts a new one. */
  const discardBroken = useCallback(async () => {
    if (!broken) return;
    await store.discardGameSession(broken.session.id);
    setBroken(null);
    start(undefined);
  }, [broken, store, start]);

  return { snapshot, send, workshop, setWorkshop, restart, error, broken, discardBroken, events: session.current?.events ?? [] };
}

/** A finished play counts like a finished course: an attempt with a try, completed. */
async function recordResult(store: ProgressStore, game: CompiledGame, snapshot: GameSnapshot) {
  const percent = gameScore(game, game.scenes[currentScene(snapshot)], snapshot.context.points);
  const attempt = await store.startAttempt(game.id, game.version);
  const latest = await store.latestAttempt(game.id);
  const no = (latest?.tries.length ?? 0) + 1;
  await store.finishTry(attempt.id, { no, questionIds: [], percent, passed: percent >= game.passMark, finishedAt: Date.now() });
  await store.updateAttempt(attempt.id, { location: 'ending' });
  await store.completeAttempt(attempt.id, { contentId: game.id, contentVersion: game.version, title: game.title, percent });
}
