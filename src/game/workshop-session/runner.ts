/**
 * Runs a workshop session: the machine's actor, stored after every event it accepts (so a reload
 * resumes in exactly the same phase, debrief text and actions included), and told to listeners
 * (the console's view and the audience window's channel). No Preact here, so tests drive it directly.
 */
import { createActor, type Actor } from 'xstate';
import type { CompiledGame } from '../../content/game-schema';
import { newId, type GameSession } from '../../storage/db';
import type { ProgressStore } from '../../storage/progress';
import { createWorkshopSessionMachine, phaseOf, type SessionEvent, type SessionView, type WorkshopSessionMachine } from './machine';

export const SESSION_KIND = 'workshop-session';

/** What a workshop's GameSession.snapshot holds. */
export interface StoredWorkshop {
  kind: typeof SESSION_KIND;
  machine: unknown;
}

export const isStoredWorkshop = (value: unknown): value is StoredWorkshop =>
  typeof value === 'object' && value !== null && (value as StoredWorkshop).kind === SESSION_KIND && typeof (value as StoredWorkshop).machine === 'object';

/** The stored view of a session (for the history and the results of a past workshop). */
export function storedView(session: GameSession): SessionView | null {
  if (!isStoredWorkshop(session.snapshot)) return null;
  const m = session.snapshot.machine as SessionView;
  return { value: m.value, context: m.context };
}

export class WorkshopRunner {
  private actor: Actor<WorkshopSessionMachine>;
  private listeners = new Set<(view: SessionView) => void>();
  private writing: Promise<void> = Promise.resolve();
  error: string | null = null;

  private constructor(
    private store: ProgressStore,
    private game: CompiledGame,
    private machine: WorkshopSessionMachine,
    public session: GameSession,
  ) {
    this.actor = this.startActor(session);
  }

  /** Resumes the open workshop of this game and version, or starts a new one. */
  static async open(store: ProgressStore, game: CompiledGame): Promise<WorkshopRunner> {
    const existing = await store.openGameSession(game.id, 'workshop');
    const resumable = existing && existing.gameVersion === game.version && isStoredWorkshop(existing.snapshot) ? existing : undefined;
    if (existing && !resumable) {
      // An older format or another version of the game cannot be replayed here: keep it as history.
      await store.saveGameSession({ ...existing, status: 'completed' });
    }
    return new WorkshopRunner(store, game, createWorkshopSessionMachine(game), resumable ?? WorkshopRunner.fresh(game));
  }

  private static fresh(game: CompiledGame): GameSession {
    const now = Date.now();
    return { id: newId(), gameId: game.id, gameVersion: game.version, mode: 'workshop', status: 'in-progress', snapshot: null, events: [], startedAt: now, updatedAt: now };
  }

  private startActor(session: GameSession) {
    const stored = isStoredWorkshop(session.snapshot) ? session.snapshot.machine : undefined;
    return createActor(this.machine, stored ? { snapshot: stored as never } : undefined).start();
  }

  view(): SessionView {
    const s = this.actor.getSnapshot();
    return { value: s.value, context: s.context };
  }

  phase() {
    return phaseOf(this.view().value);
  }

  subscribe(listener: (view: SessionView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends an event; resolves with whether the machine took it, once it is stored. */
  send(event: SessionEvent): Promise<boolean> {
    const before = this.actor.getSnapshot();
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    if (after === before || (after.value === before.value && after.context === before.context)) return Promise.resolve(false);
    this.session.events.push({ ...(event as { type: string }), at: 'at' in event && event.at ? event.at : Date.now() });
    for (const l of this.listeners) l(this.view());
    return this.persist().then(() => true);
  }

  private persist(): Promise<void> {
    this.session.snapshot = { kind: SESSION_KIND, machine: this.actor.getPersistedSnapshot() } satisfies StoredWorkshop;
    const copy = structuredClone(this.session);
    // Writes go in order, so an older snapshot never lands after a newer one.
    this.writing = this.writing.then(() =>
      this.store.saveGameSession(copy).then(
        () => {
          this.error = null;
        },
        (e: unknown) => {
          this.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        },
      ),
    );
    return this.writing;
  }

  /** Keeps the current workshop as history and begins a new one. */
  async startNew(): Promise<void> {
    await this.writing;
    if (this.session.snapshot !== null) await this.store.saveGameSession({ ...structuredClone(this.session), status: 'completed' });
    this.actor.stop();
    this.session = WorkshopRunner.fresh(this.game);
    this.actor = this.startActor(this.session);
    for (const l of this.listeners) l(this.view());
  }

  stop() {
    this.actor.stop();
  }
}
