/** The console's hold on a workshop session: the runner, its current view, and the audience channel. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledGame } from '../../content/game-schema';
import type { ProgressStore } from '../../storage/progress';
import { consoleChannel } from './channel';
import type { SessionEvent, SessionView } from './machine';
import { WorkshopRunner } from './runner';

export function useWorkshopSession(store: ProgressStore, game: CompiledGame) {
  const runner = useRef<WorkshopRunner | null>(null);
  const [view, setView] = useState<SessionView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let unsubscribe = () => undefined as unknown;
    const channel = consoleChannel(game.id, () => (runner.current ? { view: runner.current.view(), sessionId: runner.current.session.id } : null));
    WorkshopRunner.open(store, game).then(
      (r) => {
        if (cancelled) return r.stop();
        runner.current = r;
        setView(r.view());
        channel.publish({ view: r.view(), sessionId: r.session.id });
        unsubscribe = r.subscribe((v) => {
          setView(v);
          channel.publish({ view: v, sessionId: r.session.id });
        });
      },
      (e: unknown) => setError(String(e)),
    );
    return () => {
      cancelled = true;
      unsubscribe();
      channel.close();
      runner.current?.stop();
    };
  }, [store, game]);

  const send = useCallback(async (event: SessionEvent) => {
    const r = runner.current;
    if (!r) return false;
    const taken = await r.send(event);
    setError(r.error);
    return taken;
  }, []);

  const startNew = useCallback(async () => {
    await runner.current?.startNew();
  }, []);

  return { view, send, startNew, error, sessionId: runner.current?.session.id ?? null };
}
