/**
 * The audience view for the projector (#/game/<id>/screen): the whole window, no site header, no
 * controls. It renders what the console sends; opened on its own, it shows the stored session.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CompiledGame } from '../../content/game-schema';
import { useOptionalStore } from '../../app/context';
import { t } from '../../i18n';
import { followConsole, type ScreenState } from './channel';
import { phaseOf } from './machine';
import { storedView } from './runner';
import { Stage } from './Stage';
import './workshop.css';

export function ScreenView({ game }: { game: CompiledGame }) {
  const store = useOptionalStore();
  const [state, setState] = useState<ScreenState | null>(null);
  useEffect(() => followConsole(game.id, setState), [game.id]);
  useEffect(() => {
    if (!store) return;
    void store.openGameSession(game.id, 'workshop').then((s) => {
      const view = s && s.gameVersion === game.version ? storedView(s) : null;
      if (view) setState((current) => current ?? { view, sessionId: s!.id });
    });
  }, [store, game]);
  useEffect(() => {
    document.title = `${game.title} – ${t('app.name')}`;
  }, [game]);
  const phase = state ? phaseOf(state.view.value) : 'setup';
  return (
    <main class="audience-screen" data-phase={phase}>
      {state ? (
        <Stage game={game} view={state.view} />
      ) : (
        <div class="stage phase-setup">
          <div class="stage-body">
            <p class="stage-eyebrow">{t('workshop.label')}</p>
            <h1>{game.title}</h1>
            <p class="stage-lead">{t('workshop.screen.startingSoon')}</p>
          </div>
        </div>
      )}
    </main>
  );
}
