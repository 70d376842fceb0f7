/**
 * What the room sees: one render of the session's view, used full screen in the audience window,
 * full window in one-screen mode, and small in the facilitator console. No controls, ever.
 */
import type { Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CompiledGame } from '../../content/game-schema';
import { t } from '../../i18n';
import { MeterBars, optionLetter, Review } from '../SceneParts';
import { useTicking } from '../useCountdown';
import { cardOptions, phaseOf, type SessionView } from './machine';
import { ranking, recordCounts, weakestCards } from './results';
import { formatDue } from './dates';

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

interface StageProps {
  game: CompiledGame;
  view: SessionView;
  heading?: Ref<HTMLHeadingElement>;
}

export function Stage({ game, view, heading }: StageProps) {
  const phase = phaseOf(view.value);
  const c = view.context;
  const scene = game.scenes[c.game.scene];
  const h1 = (text: string) => (
    <h1 tabIndex={-1} ref={heading}>
      {text}
    </h1>
  );

  let body;
  if (phase === 'setup' || !scene) {
    body = (
      <>
        <p class="stage-eyebrow">{t('workshop.label')}</p>
        {h1(game.title)}
        <p class="stage-lead">{t('workshop.screen.startingSoon')}</p>
        {c.teams.length > 0 && <TeamList names={c.teams.map((x) => x.name)} />}
      </>
    );
  } else if ((phase === 'card' || phase === 'timeUp' || phase === 'reveal') && scene.type === 'choices') {
    const options = cardOptions(game, c);
    body = (
      <>
        <p class="stage-eyebrow">
          {scene.round ? t('workshop.round', { round: scene.round }) : t('workshop.label')}
          {' · '}
          {t('workshop.cardOf', { n: c.log.length + (phase === 'reveal' ? 0 : 1) })}
        </p>
        {h1(scene.title)}
        {phase === 'reveal' ? (
          <RevealChart game={game} view={view} />
        ) : (
          <>
            <Html class="stage-text" html={scene.html} />
            <ol class="stage-options">
              {options.map((o, i) => (
                <li key={o.id}>
                  <span class="option-letter" aria-hidden="true">
                    {optionLetter(i)}
                  </span>
                  <span class="visually-hidden">{optionLetter(i)}: </span>
                  <span dangerouslySetInnerHTML={{ __html: o.html }} />
                </li>
              ))}
            </ol>
            <div class="stage-status">
              <StageTimer view={view} />
              <p class="stage-recorded">
                {c.recording === 'teams'
                  ? t('workshop.screen.teamsAnswered', { count: Object.keys(c.votes.choices).length, total: c.teams.length })
                  : t('workshop.screen.votesSoFar', { count: Object.values(c.votes.tally).reduce((a, b) => a + b, 0) })}
              </p>
            </div>
          </>
        )}
      </>
    );
  } else if (phase === 'step' || phase === 'between') {
    body = (
      <>
        <p class="stage-eyebrow">{t('workshop.label')}</p>
        {h1(scene.title)}
        <Html class="stage-text" html={scene.html} />
        {scene.type === 'review' && (
          <>
            <MeterBars game={game} meters={c.game.context.meters} />
            <Review game={game} scene={scene} meters={c.game.context.meters} />
          </>
        )}
        {scene.type === 'discussion' && (
          <section class="stage-discussion">
            <h2>{t('workshop.discuss')}</h2>
            <ul class="stage-prompts">
              {scene.prompts.map((p, i) => (
                <li key={i} dangerouslySetInnerHTML={{ __html: p }} />
              ))}
            </ul>
          </section>
        )}
      </>
    );
  } else if (phase === 'ending' && scene.type === 'ending') {
    body = (
      <>
        <p class="stage-eyebrow">{t('game.ending')}</p>
        {h1(scene.title)}
        <Html class="stage-text" html={scene.html} />
      </>
    );
  } else if ((phase === 'what' || phase === 'why' || phase === 'actions') && scene.type === 'ending') {
    const step = phase === 'what' ? 0 : phase === 'why' ? 1 : 2;
    const weak = phase === 'what' ? weakestCards(game, c) : [];
    body = (
      <>
        <p class="stage-eyebrow">{t('workshop.debriefStep', { step: step + 1 })}</p>
        {h1(t(`workshop.debrief.${step}`))}
        <Html class="stage-text" html={phase === 'what' ? scene.what : phase === 'why' ? scene.why : scene.apply} />
        {weak.length > 0 && (
          <section class="stage-weak">
            <h2>{t('workshop.weakCards')}</h2>
            <ul>
              {weak.map((w) => (
                <li key={w.scene}>
                  <strong>{w.title}</strong>
                  <span class="stage-weak-detail">
                    {t('workshop.weakDetail', { chosen: letterOf(game, w.scene, w.mostChosen.id), best: letterOf(game, w.scene, w.best.id) })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {phase !== 'actions' && (phase === 'what' ? c.notes.what : c.notes.why).trim() && (
          <section class="stage-notes">
            <h2>{t('workshop.groupNotes')}</h2>
            <p class="pre-line">{phase === 'what' ? c.notes.what : c.notes.why}</p>
          </section>
        )}
        {phase === 'actions' && <ActionList view={view} />}
      </>
    );
  } else {
    body = (
      <>
        <p class="stage-eyebrow">{game.title}</p>
        {h1(t('workshop.resultsTitle'))}
        {c.recording === 'teams' && <Ranking view={view} />}
        <ActionList view={view} />
      </>
    );
  }

  const root = useRef<HTMLDivElement>(null);
  useFit(root);
  const showScores = c.recording === 'teams' && c.teams.length > 0 && phase !== 'setup' && phase !== 'results';
  return (
    <div class={`stage phase-${phase}`} ref={root}>
      <div class="stage-body">{body}</div>
      {showScores && (
        <ul class="stage-scores" aria-label={t('workshop.scores')}>
          {c.teams.map((team) => (
            <li key={team.id}>
              <span class="team-name">{team.name}</span> <strong>{t('workshop.points', { count: team.score })}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const letterOf = (game: CompiledGame, sceneId: string, optionId: string) => {
  const scene = game.scenes[sceneId];
  return scene?.type === 'choices' ? optionLetter(scene.options.findIndex((o) => o.id === optionId)) : '';
};

function TeamList({ names }: { names: string[] }) {
  return (
    <ul class="stage-teams">
      {names.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

/** The countdown, and at 0:00 a time-up sign: words and a stop shape, not colour alone. */
export function StageTimer({ view }: { view: SessionView }) {
  // The console announces the time; the stage only shows it (it is also rendered inside the console).
  const timer = useTicking(view.context.timer, undefined, false);
  const timeUp = phaseOf(view.value) === 'timeUp';
  if (timeUp) {
    return (
      <p class="stage-timer time-up" role="timer">
        <span class="time-up-shape" aria-hidden="true" />
        <span>
          {t('workshop.timeUp')} <span class="time-up-note">{t('workshop.timeUpNote')}</span>
        </span>
      </p>
    );
  }
  return (
    <p class="stage-timer" role="timer" aria-label={t('workshop.timer')}>
      <span class="time">{timer.label}</span>
      {view.context.timer.runningSince === null && timer.left > 0 && <span class="timer-state">{t('workshop.timerWaiting')}</span>}
    </p>
  );
}

/** The reveal: per option a bar with the count written out, points, the best marked, the principle. */
function RevealChart({ game, view }: { game: CompiledGame; view: SessionView }) {
  const c = view.context;
  const record = c.log.at(-1)!;
  const options = cardOptions(game, c);
  const counts = recordCounts(options, record, c.recording);
  const most = Math.max(1, ...counts);
  const bestPoints = Math.max(...options.map((o) => o.points));
  return (
    <ol class="reveal-chart" aria-label={t('workshop.chartLabel')}>
      {options.map((o, i) => {
        const best = o.points === bestPoints && o.points > 0;
        const kind = best ? 'best' : o.points === 0 ? 'zero' : 'partial';
        const who =
          c.recording === 'teams'
            ? counts[i] === 0
              ? t('workshop.teamsNone')
              : t('workshop.teamsChose', { count: counts[i], teams: c.teams.filter((x) => record.choices[x.id] === o.id).map((x) => x.name).join(', ') })
            : t('workshop.votes', { count: counts[i] });
        return (
          <li key={o.id} class={`reveal-option reveal-${kind}`}>
            <div class="reveal-head">
              <span class="option-letter" aria-hidden="true">
                {optionLetter(i)}
              </span>
              <span class="visually-hidden">{optionLetter(i)}: </span>
              <span class="reveal-text" dangerouslySetInnerHTML={{ __html: o.html }} />
            </div>
            <div class="reveal-bar" aria-hidden="true">
              <span style={{ width: `${(counts[i]! / most) * 100}%` }} />
            </div>
            <p class="reveal-count">
              {who}
              {' · '}
              <span class="reveal-points">
                {best && (
                  <span class="best-mark" aria-hidden="true">
                    ★{' '}
                  </span>
                )}
                {t('workshop.points', { count: o.points })}
                {best && <span> – {t('workshop.bestOption')}</span>}
              </span>
            </p>
            <Html class="reveal-principle" html={o.feedback} />
          </li>
        );
      })}
    </ol>
  );
}

export function Ranking({ view }: { view: SessionView }) {
  return (
    <ol class="stage-ranking">
      {ranking(view.context.teams).map(({ team, place }) => (
        <li key={team.id}>
          <span class="place">{t('workshop.place', { place })}</span> <span class="team-name">{team.name}</span>{' '}
          <strong>{t('workshop.points', { count: team.score })}</strong>
        </li>
      ))}
    </ol>
  );
}

function ActionList({ view }: { view: SessionView }) {
  const actions = view.context.actions;
  return (
    <section class="stage-actions">
      <h2>{t('workshop.agreedActions')}</h2>
      {actions.length === 0 ? (
        <p>{t('workshop.noActions')}</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              {a.text} – {a.owner}, {formatDue(a.due)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Where the stage fills a fixed screen, shrinks its type step by step until nothing overflows
 * (a long reveal or debrief); on a page of natural height it never changes anything.
 */
function useFit(root: { current: HTMLElement | null }) {
  useLayoutEffect(() => {
    const fit = () => {
      const el = root.current;
      const box = el?.parentElement;
      if (!el || !box) return;
      let scale = 1;
      el.style.setProperty('--fit', '1');
      while (box.scrollHeight > box.clientHeight + 1 && scale > 0.5) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        el.style.setProperty('--fit', String(scale));
      }
    };
    fit();
    addEventListener('resize', fit);
    return () => removeEventListener('resize', fit);
  });
}
