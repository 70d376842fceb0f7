/** A game: its front page (how to play, solo or workshop), solo play, or workshop mode. */
import './game.css';
import { useEffect, useState } from 'preact/hooks';
import type { CompiledGame } from '../content/game-schema';
import type { Lang } from '../content/schema';
import { loadGame } from './load-game';
import { useContent } from '../app/useContent';
import { useStore } from '../app/context';
import { MessageView } from '../app/MessageView';
import { href, type Route } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import type { GameSession } from '../storage/db';
import { SoloPlay } from './SoloPlay';
import { Console } from './workshop-session/Console';
import { decisionCount } from './workshop-session/machine';
import { ScreenView } from './workshop-session/ScreenView';

type GameRoute = Extract<Route, { gameId: string }>;

export function GameView({ route, lang }: { route: GameRoute; lang: Lang }) {
  const game = useContent(loadGame, route.gameId, lang);
  if (game === 'missing') return <MessageView title={t('game.notFound')} body={t('game.notFoundBody')} />;
  if (!game) return <p role="status">{t('app.loading')}</p>;
  const shownIn = game.lang !== lang ? game.lang : null;
  const view =
    route.name === 'game-play' && game.modes.includes('solo') ? (
      <SoloPlay game={game} />
    ) : route.name === 'workshop' && game.modes.includes('workshop') ? (
      <Console game={game} />
    ) : route.name === 'workshop-screen' && game.modes.includes('workshop') ? (
      <ScreenView game={game} />
    ) : (
      <GameIntro game={game} />
    );
  if (!shownIn) return view;
  if (route.name === 'workshop-screen') return <div lang={shownIn}>{view}</div>;
  return (
    <div lang={shownIn}>
      <p class="notice notice-warning" lang={lang}>
        {t('language.notAvailable', { shown: t(`language.names.${shownIn}`) })}
      </p>
      {view}
    </div>
  );
}

function GameIntro({ game }: { game: CompiledGame }) {
  const heading = useViewFocus(game.title, `game-${game.id}`);
  const store = useStore();
  const [open, setOpen] = useState<{ solo?: GameSession; workshop?: GameSession }>({});
  useEffect(() => {
    void Promise.all([store.openGameSession(game.id, 'solo'), store.openGameSession(game.id, 'workshop')]).then(([solo, workshop]) => setOpen({ solo, workshop }));
  }, [store, game.id]);
  const cards = decisionCount(game);
  // The mode a game lists first is its main way of play: a team game offers the workshop first.
  const modes = [...game.modes];
  return (
    <article class="game-intro">
      <p class="eyebrow">{t('catalogue.kind.game')}</p>
      <h1 tabIndex={-1} ref={heading}>
        {game.title}
      </h1>
      <p class="lead">{game.description}</p>
      <dl class="facts">
        <div>
          <dt>{t('course.duration')}</dt>
          <dd>{t('course.minutes', { count: game.minutes })}</dd>
        </div>
        <div>
          <dt>{t('game.decisions')}</dt>
          <dd>{cards}</dd>
        </div>
        <div>
          <dt>{t('game.meters')}</dt>
          <dd>{game.meters.map((m) => m.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('game.modes')}</dt>
          <dd>{game.modes.map((m) => t(`game.mode.${m}`)).join(', ')}</dd>
        </div>
      </dl>
      <div class="actions">
        {modes.map((mode, i) =>
          mode === 'solo' ? (
            <a key={mode} class={i === 0 ? 'button' : 'button secondary'} href={href({ name: 'game-play', gameId: game.id })}>
              {open.solo ? t('game.continuePlay') : t('game.playSolo')}
            </a>
          ) : (
            <a key={mode} class={i === 0 ? 'button' : 'button secondary'} href={href({ name: 'workshop', gameId: game.id })}>
              {open.workshop ? t('game.continueWorkshop') : t('game.startWorkshop')}
            </a>
          ),
        )}
      </div>
      {game.modes.includes('workshop') && <p class="small">{t('game.workshopHint')}</p>}
      {game.modes.includes('workshop') && !import.meta.env.KOHTAAMO_PACKAGE_BUILD && (
        <p>
          <a href={href({ name: 'game-guide', gameId: game.id })}>{t('facilitator.openGuide')}</a>
        </p>
      )}
    </article>
  );
}
