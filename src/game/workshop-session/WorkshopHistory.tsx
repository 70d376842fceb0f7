/**
 * "Työpajat": the workshops this device has run, apart from the trainer's own learning. Each keeps
 * its date, game, teams and results; a past one opens to its results and exports.
 */
import '../game.css';
import { useEffect, useState } from 'preact/hooks';
import type { CompiledGame } from '../../content/game-schema';
import type { Lang } from '../../content/schema';
import { catalogue } from '../../app/content';
import { loadGame } from '../load-game';
import { useStore } from '../../app/context';
import { useViewFocus } from '../../app/useViewFocus';
import { t } from '../../i18n';
import type { GameSession } from '../../storage/db';
import { formatDay } from './dates';
import { phaseOf, type SessionView } from './machine';
import { ExportButtons } from './ResultsPanel';
import { ranking } from './results';
import { storedView } from './runner';
import { Stage } from './Stage';
import './workshop.css';

interface Past {
  session: GameSession;
  view: SessionView;
}

async function pastWorkshops(store: ReturnType<typeof useStore>): Promise<Past[]> {
  const games = catalogue.filter((e) => e.kind === 'game' && e.modes?.includes('workshop'));
  const all = (await Promise.all(games.map((g) => store.gameSessions(g.id)))).flat();
  return all
    .filter((s) => s.mode === 'workshop')
    .flatMap((session) => {
      const view = storedView(session);
      return view && phaseOf(view.value) !== 'setup' ? [{ session, view }] : [];
    })
    .sort((a, b) => b.session.startedAt - a.session.startedAt);
}

export function WorkshopHistory({ lang, sessionId }: { lang: Lang; sessionId?: string }) {
  const store = useStore();
  const [past, setPast] = useState<Past[] | null>(null);
  useEffect(() => void pastWorkshops(store).then(setPast), [store]);
  const chosen = sessionId ? past?.find((p) => p.session.id === sessionId) : undefined;
  if (sessionId && past && !chosen) return <HistoryList past={past} lang={lang} missing />;
  if (chosen) return <PastWorkshop past={chosen} lang={lang} />;
  return <HistoryList past={past} lang={lang} />;
}

const titleOf = (gameId: string, lang: Lang) => {
  const entry = catalogue.find((e) => e.id === gameId);
  return entry?.title[lang] ?? entry?.title[entry.languages[0]!] ?? gameId;
};

function HistoryList({ past, lang, missing = false }: { past: Past[] | null; lang: Lang; missing?: boolean }) {
  const heading = useViewFocus(t('workshop.history.title'), 'workshops');
  return (
    <section class="workshop-history">
      <h1 tabIndex={-1} ref={heading}>
        {t('workshop.history.title')}
      </h1>
      <p class="lead">{t('workshop.history.lead')}</p>
      {missing && (
        <p class="notice notice-warning" role="alert">
          {t('workshop.history.missing')}
        </p>
      )}
      {past === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : past.length === 0 ? (
        <p>{t('workshop.history.none')}</p>
      ) : (
        <ul class="history-list">
          {past.map(({ session, view }) => {
            const phase = phaseOf(view.value);
            const c = view.context;
            return (
              <li key={session.id}>
                <h2>
                  <a href={`#/workshops/${encodeURIComponent(session.id)}`}>
                    {titleOf(session.gameId, lang)}, {formatDay(c.startedAt ?? session.startedAt)}
                  </a>
                </h2>
                <p>
                  {t('workshop.history.teams')}: {c.teams.map((x) => x.name).join(', ')}
                </p>
                <p>
                  {phase === 'results' ? t('workshop.history.finished') : t('workshop.history.unfinished')}
                  {c.recording === 'teams' && ` · ${ranking(c.teams).map(({ team, place }) => `${place}. ${team.name} ${t('workshop.points', { count: team.score })}`).join(', ')}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function PastWorkshop({ past, lang }: { past: Past; lang: Lang }) {
  const [game, setGame] = useState<CompiledGame | null>(null);
  useEffect(() => void loadGame(past.session.gameId, lang).then(setGame), [past, lang]);
  const title = `${titleOf(past.session.gameId, lang)}, ${formatDay(past.view.context.startedAt ?? past.session.startedAt)}`;
  const heading = useViewFocus(title, `workshop-${past.session.id}`);
  return (
    <section class="workshop-history">
      <p>
        <a href="#/workshops">← {t('workshop.history.title')}</a>
      </p>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {game && (
        <>
          <div class="actions">
            <ExportButtons game={game} view={{ ...past.view, value: 'results' }} />
          </div>
          <div class="history-stage">
            <Stage game={game} view={{ ...past.view, value: 'results' }} />
          </div>
        </>
      )}
    </section>
  );
}
