/** Solo play: choices, meters and feedback as they go, and an ending that explains the principles. */
import { useEffect, useState } from 'preact/hooks';
import type { CompiledGame, GameOption } from '../content/game-schema';
import { announce } from '../app/announce';
import { useStore } from '../app/context';
import { href } from '../app/router';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { currentScene, type GameEvent } from './machine';
import { availableOptions, gameScore, type Meters } from './rules';
import { Debrief, MeterBars, optionLetter, Review } from './SceneParts';
import { useCountdown } from './useCountdown';
import { useGameSession } from './useGameSession';
import { BrokenPlay } from './BrokenPlay';

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

export function SoloPlay({ game }: { game: CompiledGame }) {
  const store = useStore();
  const play = useGameSession(store, game, 'solo');
  // After a choice: its feedback and what changed, before the next scene is shown. It is set in the
  // same moment as the move, so the next scene never flashes up (or takes a key press) before it.
  const [shown, setShown] = useState<{ option: GameOption | null; from: Meters; sceneId: string } | null>(null);
  const sceneId = play.snapshot ? currentScene(play.snapshot) : '';
  const scene = game.scenes[sceneId];
  const heading = useViewFocus(shown ? t('game.feedbackTitle') : (scene?.title ?? game.title), shown ? `feedback-${shown.sceneId}` : `scene-${sceneId}`);
  const move = (event: GameEvent, option: GameOption | null) => {
    setShown({ option, from: play.snapshot?.context.meters ?? {}, sceneId });
    void play.send(event).then((after) => {
      if (!after) setShown(null); // the move was not taken: back to the scene
    });
  };
  const timer = useCountdown(scene?.type === 'choices' && !shown ? (scene.timer ?? 0) : 0, `${sceneId}-${play.events.length}`, () => {
    if (scene?.type === 'choices' && scene.timeout) move({ type: 'TIMEOUT' }, null);
  });

  useEffect(() => setShown(null), [game.id]);
  if (play.broken) return <BrokenPlay problem={play.broken.problem} onDiscard={play.discardBroken} />;
  if (!play.snapshot || !scene) return <p role="status">{t('app.loading')}</p>;
  const meters = play.snapshot.context.meters;


  return (
    <article class="game solo">
      <p class="eyebrow">
        {t('catalogue.kind.game')} · {game.title}
      </p>
      <MeterBars game={game} meters={meters} changes={shown ? diff(shown.from, meters) : undefined} />
      {play.error && (
        <p class="notice notice-error" role="alert">
          {t('storage.writeFailed')} {play.error}
        </p>
      )}
      {shown ? (
        <section class="game-feedback">
          <h1 tabIndex={-1} ref={heading}>
            {t('game.feedbackTitle')}
          </h1>
          {shown.option ? (
            <>
              <p>
                <strong>{t('game.youChose')}</strong> <span dangerouslySetInnerHTML={{ __html: shown.option.html }} />
              </p>
              <Html html={shown.option.feedback} />
            </>
          ) : (
            <p>{t('game.timeRanOut')}</p>
          )}
          <div class="actions">
            <button type="button" onClick={() => setShown(null)}>
              {t('game.continue')}
            </button>
          </div>
        </section>
      ) : scene.type === 'ending' ? (
        <section class="game-ending">
          <p class="eyebrow">{t('game.ending')}</p>
          <h1 tabIndex={-1} ref={heading}>
            {scene.title}
          </h1>
          <Html html={scene.html} />
          <p class="result-verdict">{t('game.score', { percent: gameScore(game, scene, play.snapshot.context.points) })}</p>
          <Debrief scene={scene} />
          <h2>{t('game.yourChoices')}</h2>
          <ol class="choice-review">
            {play.snapshot.context.path
              .filter((step) => step.choice !== 'continue')
              .map((step, i) => {
                const s = game.scenes[step.scene];
                const option = s?.type === 'choices' ? s.options.find((o) => o.id === step.choice) : undefined;
                return (
                  <li key={i}>
                    <strong>{s?.title}</strong>: {option ? <span dangerouslySetInnerHTML={{ __html: option.html }} /> : t('game.timeRanOut')}
                    {option && <Html html={option.feedback} />}
                  </li>
                );
              })}
          </ol>
          <div class="actions">
            <button type="button" onClick={() => void play.restart()}>
              {t('game.playAgain')}
            </button>
            <a class="button secondary" href={href({ name: 'game', gameId: game.id })}>
              {t('game.backToGame')}
            </a>
          </div>
        </section>
      ) : (
        <section class="game-scene">
          <h1 tabIndex={-1} ref={heading}>
            {scene.title}
          </h1>
          <Html html={scene.html} />
          {scene.type === 'choices' && (
            <>
              {scene.timer && (
                <p class="timer-small" role="timer" aria-live="off">
                  {t('game.timeLeft', { time: timer.label })}
                </p>
              )}
              <ul class="game-options">
                {availableOptions(scene, meters).map((o, i) => (
                  <li key={o.id}>
                    <button type="button" class="option-button" onClick={() => move({ type: 'CHOOSE', option: o.id }, o)}>
                      <span class="option-letter" aria-hidden="true">
                        {optionLetter(i)}
                      </span>
                      <span dangerouslySetInnerHTML={{ __html: o.html }} />
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {scene.type === 'review' && <Review game={game} scene={scene} meters={meters} />}
          {scene.type === 'discussion' && <p class="solo-hint">{t('game.soloDiscussion')}</p>}
          {scene.type === 'discussion' && (
            <ul class="prompts">
              {scene.prompts.map((p, i) => (
                <li key={i} dangerouslySetInnerHTML={{ __html: p }} />
              ))}
            </ul>
          )}
          {(scene.type === 'review' || scene.type === 'discussion') && (
            <div class="actions">
              <button
                type="button"
                onClick={() => {
                  void play.send({ type: 'CONTINUE' });
                  announce(t('game.continued'));
                }}
              >
                {t('game.continue')}
              </button>
            </div>
          )}
        </section>
      )}
    </article>
  );
}

function diff(before: Meters, after: Meters): Meters {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}
