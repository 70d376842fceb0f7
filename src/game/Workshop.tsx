/**
 * Workshop mode on a shared screen: set up teams, play the cards with a big timer, record each
 * team's choice (or a vote tally), reveal the principles and scores, discuss, debrief in three
 * steps with agreed actions, and export the results. Everything is stored as it happens.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledGame, Scene } from '../content/game-schema';
import { announce } from '../app/announce';
import { useStore } from '../app/context';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { newId } from '../storage/db';
import { currentScene } from './machine';
import { Debrief, MeterBars, optionLetter, Review } from './SceneParts';
import { addTime, countdown, pauseCountdown, startCountdown } from './timer';
import { useTicking } from './useCountdown';
import { useGameSession } from './useGameSession';
import { closeCard, majority, MAX_TEAMS, MIN_TEAMS, newWorkshop, setupProblem, workshopCsv, workshopJson, type WorkshopState } from './workshop';
import { BrokenPlay } from './BrokenPlay';

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;
const DEFAULT_CARD_SECONDS = 120;

export function Workshop({ game }: { game: CompiledGame }) {
  const store = useStore();
  const play = useGameSession<WorkshopState>(store, game, 'workshop');
  const ws = play.workshop;
  const sceneId = play.snapshot ? currentScene(play.snapshot) : '';
  const scene = game.scenes[sceneId];
  const phase = ws?.phase ?? 'setup';
  const titleKey = phase === 'setup' ? t('workshop.setupTitle') : phase === 'results' ? t('workshop.resultsTitle') : (scene?.title ?? game.title);
  const heading = useViewFocus(titleKey, `${phase}-${sceneId}-${ws?.debriefStep ?? 0}`);
  const timer = useTicking(ws && phase === 'play' ? ws.timer : null);

  const update = (next: WorkshopState, event?: { type: string; [key: string]: unknown }) => void play.setWorkshop(next, event);

  // When the story reaches an ending, the debrief begins.
  useEffect(() => {
    if (ws && scene?.type === 'ending' && (ws.phase === 'play' || ws.phase === 'reveal')) update({ ...ws, phase: 'debrief', debriefStep: 0 });
  });

  const cardTimer = (s: Scene | undefined) => countdown(s?.type === 'choices' ? (s.timer ?? DEFAULT_CARD_SECONDS) : 0);
  const toggleTimer = () => {
    if (!ws) return;
    const running = ws.timer.runningSince !== null;
    update({ ...ws, timer: running ? pauseCountdown(ws.timer) : startCountdown(ws.timer) }, { type: running ? 'TIMER_PAUSE' : 'TIMER_START' });
    announce(t(running ? 'workshop.timerPaused' : 'workshop.timerStarted'));
  };
  const more = (seconds: number) => {
    if (!ws) return;
    update({ ...ws, timer: addTime(ws.timer, seconds) }, { type: 'TIMER_ADD', seconds });
    announce(t('workshop.timeAdded', { seconds }));
  };
  const reveal = () => ws && phase === 'play' && scene?.type === 'choices' && update({ ...ws, phase: 'reveal', timer: pauseCountdown(ws.timer) }, { type: 'REVEAL', scene: sceneId });
  const [follow, setFollow] = useState<string | null>(null);
  const nextCard = async () => {
    if (!ws || scene?.type !== 'choices') return;
    const followed = follow ?? majority(scene.options, ws) ?? scene.options[0]!.id;
    const closed = closeCard(ws, scene, followed);
    setFollow(null);
    await play.send({ type: 'CHOOSE', option: followed }, (after) => ({ ...closed, timer: cardTimer(game.scenes[currentScene(after)]) }));
    if (closed.recording === 'teams') {
      announce(t('workshop.scoresNow', { scores: closed.teams.map((team) => `${team.name} ${t('workshop.points', { count: team.score })}`).join(', ') }));
    }
  };
  const goOn = async () => {
    if (!ws) return;
    await play.send({ type: 'CONTINUE' }, (after) => ({ ...ws, timer: cardTimer(game.scenes[currentScene(after)]) }));
  };

  // Keyboard shortcuts for the facilitator (not while typing in a field).
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const typing = /^(TEXTAREA|SELECT)$/.test(target.tagName) || (target.tagName === 'INPUT' && !/^(radio|checkbox|button)$/.test((target as HTMLInputElement).type));
    if (e.ctrlKey || e.metaKey || e.altKey || typing) return;
    const key = e.key.toLowerCase();
    if (key === 'f') void toggleFullscreen();
    else if (phase === 'play' && key === 't') toggleTimer();
    else if (phase === 'play' && key === '+') more(30);
    else if (phase === 'play' && key === 'r') reveal();
    else if (phase === 'reveal' && key === 'n') void nextCard();
    else if (phase === 'play' && key === 'n' && scene && (scene.type === 'review' || scene.type === 'discussion')) void goOn();
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  if (play.broken) return <BrokenPlay problem={play.broken.problem} onDiscard={play.discardBroken} />;
  if (!play.snapshot || !scene) return <p role="status">{t('app.loading')}</p>;

  if (!ws || phase === 'setup') {
    return (
      <article class="workshop">
        <Setup
          heading={heading}
          onStart={(names, recording) => {
            const first = game.scenes[game.start];
            update({ ...newWorkshop(names, recording), phase: 'play', timer: cardTimer(first) }, { type: 'SETUP', teams: names, recording });
          }}
        />
      </article>
    );
  }

  const ending = scene.type === 'ending' ? scene : null;
  return (
    <article class="workshop">
      <header class="workshop-bar">
        <p class="eyebrow">
          {t('workshop.label')} · {game.title}
          {scene.type === 'choices' && scene.round ? ` · ${t('workshop.round', { round: scene.round })}` : ''}
        </p>
        <Scoreboard ws={ws} />
        <button type="button" class="secondary" onClick={() => void toggleFullscreen()} aria-keyshortcuts="F">
          {t('workshop.fullscreen')}
        </button>
      </header>
      {play.error && (
        <p class="notice notice-error" role="alert">
          {t('storage.writeFailed')} {play.error}
        </p>
      )}

      {phase === 'results' ? (
        <Results game={game} ws={ws} ending={ending?.id ?? null} heading={heading} onNew={() => void play.restart()} />
      ) : phase === 'debrief' && ending ? (
        <section class="workshop-debrief">
          <p class="eyebrow">{t('workshop.debriefStep', { step: ws.debriefStep + 1 })}</p>
          <h1 tabIndex={-1} ref={heading}>
            {t(`workshop.debrief.${ws.debriefStep}`)}
          </h1>
          {ws.debriefStep === 0 && (
            <>
              <h2>{ending.title}</h2>
              <Html html={ending.html} />
            </>
          )}
          <Debrief scene={ending} step={ws.debriefStep} />
          {ws.debriefStep < 2 ? (
            <div class="field">
              <label for={`notes-${ws.debriefStep}`}>{t(`workshop.notes.${ws.debriefStep}`)}</label>
              <textarea
                id={`notes-${ws.debriefStep}`}
                rows={4}
                value={ws.debriefStep === 0 ? ws.notes.what : ws.notes.why}
                onChange={(e) => {
                  const value = (e.currentTarget as HTMLTextAreaElement).value;
                  update({ ...ws, notes: ws.debriefStep === 0 ? { ...ws.notes, what: value } : { ...ws.notes, why: value } });
                }}
              />
            </div>
          ) : (
            <ActionsEditor ws={ws} onChange={(actions) => update({ ...ws, actions }, { type: 'ACTIONS', count: actions.length })} />
          )}
          <div class="actions">
            {ws.debriefStep > 0 && (
              <button type="button" class="secondary" onClick={() => update({ ...ws, debriefStep: (ws.debriefStep - 1) as 0 | 1 })}>
                ← {t('workshop.previousStep')}
              </button>
            )}
            {ws.debriefStep < 2 ? (
              <button type="button" onClick={() => update({ ...ws, debriefStep: (ws.debriefStep + 1) as 1 | 2 })}>
                {t('workshop.nextStep')} →
              </button>
            ) : (
              <button type="button" onClick={() => update({ ...ws, phase: 'results' }, { type: 'DEBRIEF_DONE' })}>
                {t('workshop.showResults')}
              </button>
            )}
          </div>
        </section>
      ) : (
        <section class="workshop-scene">
          <h1 tabIndex={-1} ref={heading}>
            {scene.title}
          </h1>
          <Html class="scene-text" html={scene.html} />
          {scene.type === 'choices' && (
            <>
              <div class="workshop-timer" role="timer" aria-label={t('workshop.timer')}>
                <span class="time">{timer.label}</span>
                <button type="button" onClick={toggleTimer} aria-keyshortcuts="T">
                  {ws.timer.runningSince !== null ? t('workshop.pause') : t('workshop.start')}
                </button>
                <button type="button" class="secondary" onClick={() => more(30)} aria-keyshortcuts="+">
                  {t('workshop.addTime', { seconds: 30 })}
                </button>
                <button type="button" class="secondary" onClick={() => more(60)}>
                  {t('workshop.addTime', { seconds: 60 })}
                </button>
              </div>
              <ol class="workshop-options" type="A">
                {scene.options.map((o, i) => (
                  <li key={o.id} class={phase === 'reveal' ? 'revealed' : ''}>
                    <span class="option-letter" aria-hidden="true">
                      {optionLetter(i)}
                    </span>
                    <div>
                      <span dangerouslySetInnerHTML={{ __html: o.html }} />
                      {phase === 'reveal' && (
                        <div class="reveal">
                          <p class="points">{t('workshop.points', { count: o.points })}</p>
                          <Html html={o.feedback} />
                          <p class="small">
                            {ws.recording === 'teams'
                              ? t('workshop.chosenBy', { teams: ws.teams.filter((team) => ws.choices[team.id] === o.id).map((team) => team.name).join(', ') || '–' })
                              : t('workshop.votes', { count: ws.tally[o.id] ?? 0 })}
                          </p>
                        </div>
                      )}
                    </div>
                  </li>
                ))}
              </ol>
              {phase === 'play' ? (
                <>
                  <Recorder scene={scene} ws={ws} onChange={(next) => update(next)} />
                  <div class="actions">
                    <button type="button" onClick={reveal} aria-keyshortcuts="R">
                      {t('workshop.reveal')}
                    </button>
                  </div>
                </>
              ) : (
                <div class="actions">
                  <label for="follow">{t('workshop.follow')}</label>
                  <select id="follow" value={follow ?? majority(scene.options, ws) ?? scene.options[0]!.id} onChange={(e) => setFollow((e.currentTarget as HTMLSelectElement).value)}>
                    {scene.options.map((o, i) => (
                      <option key={o.id} value={o.id}>
                        {optionLetter(i)}
                      </option>
                    ))}
                  </select>
                  <button type="button" onClick={() => void nextCard()} aria-keyshortcuts="N">
                    {t('workshop.next')} →
                  </button>
                </div>
              )}
            </>
          )}
          {scene.type === 'review' && (
            <>
              <MeterBars game={game} meters={play.snapshot.context.meters} />
              <Review game={game} scene={scene} meters={play.snapshot.context.meters} />
            </>
          )}
          {scene.type === 'discussion' && (
            <>
              <h2>{t('workshop.discuss')}</h2>
              <ul class="prompts">
                {scene.prompts.map((p, i) => (
                  <li key={i} dangerouslySetInnerHTML={{ __html: p }} />
                ))}
              </ul>
            </>
          )}
          {(scene.type === 'review' || scene.type === 'discussion') && (
            <div class="actions">
              <button type="button" onClick={() => void goOn()} aria-keyshortcuts="N">
                {t('game.continue')} →
              </button>
            </div>
          )}
        </section>
      )}
      <p class="shortcuts small">{t('workshop.shortcuts')}</p>
    </article>
  );
}

function Setup({ onStart, heading }: { onStart: (names: string[], recording: WorkshopState['recording']) => void; heading: { current: HTMLHeadingElement | null } }) {
  const [names, setNames] = useState(() => [1, 2, 3].map((n) => t('workshop.defaultTeam', { n })));
  const [recording, setRecording] = useState<WorkshopState['recording']>('teams');
  const [problem, setProblem] = useState<string | null>(null);
  const setCount = (count: number) =>
    setNames((current) => Array.from({ length: count }, (_, i) => current[i] ?? t('workshop.defaultTeam', { n: i + 1 })));
  return (
    <form
      class="workshop-setup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const p = setupProblem(names);
        setProblem(p);
        if (p) {
          document.getElementById('setup-error')?.focus();
          return;
        }
        onStart(names.map((n) => n.trim()), recording);
      }}
    >
      <h1 tabIndex={-1} ref={heading}>
        {t('workshop.setupTitle')}
      </h1>
      <p>{t('workshop.setupLead')}</p>
      <div class="field">
        <label for="team-count">{t('workshop.teamCount')}</label>
        <select id="team-count" value={String(names.length)} onChange={(e) => setCount(Number((e.currentTarget as HTMLSelectElement).value))}>
          {Array.from({ length: MAX_TEAMS - MIN_TEAMS + 1 }, (_, i) => MIN_TEAMS + i).map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {names.map((name, i) => (
        <div class="field" key={i}>
          <label for={`team-${i}`}>{t('workshop.teamName', { n: i + 1 })}</label>
          <input
            id={`team-${i}`}
            type="text"
            value={name}
            aria-invalid={problem && (problem !== 'count') ? 'true' : undefined}
            aria-describedby={problem ? 'setup-error' : undefined}
            onInput={(e) => setNames(names.map((n, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : n)))}
          />
        </div>
      ))}
      <fieldset class="field">
        <legend>{t('workshop.recording')}</legend>
        {(['teams', 'tally'] as const).map((r) => (
          <label key={r} class="inline">
            <input type="radio" name="recording" checked={recording === r} onChange={() => setRecording(r)} /> {t(`workshop.recordingMode.${r}`)}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p id="setup-error" class="field-error" tabIndex={-1} role="alert">
          {t(`workshop.setupProblem.${problem}`, { min: MIN_TEAMS, max: MAX_TEAMS })}
        </p>
      )}
      <div class="actions">
        <button type="submit">{t('workshop.startWorkshop')}</button>
      </div>
    </form>
  );
}

function Recorder({ scene, ws, onChange }: { scene: Extract<Scene, { type: 'choices' }>; ws: WorkshopState; onChange: (next: WorkshopState) => void }) {
  if (ws.recording === 'tally') {
    return (
      <fieldset class="recorder">
        <legend>{t('workshop.tallyLegend')}</legend>
        {scene.options.map((o, i) => (
          <label key={o.id} class="tally">
            {t('workshop.votesFor', { letter: optionLetter(i) })}
            <input
              type="number"
              min={0}
              inputMode="numeric"
              value={String(ws.tally[o.id] ?? 0)}
              onChange={(e) => onChange({ ...ws, tally: { ...ws.tally, [o.id]: Math.max(0, Number((e.currentTarget as HTMLInputElement).value) || 0) } })}
            />
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div class="recorder">
      <p class="recorder-title">{t('workshop.recordLegend')}</p>
      {ws.teams.map((team) => (
        <fieldset key={team.id} class="team-choice">
          <legend>{team.name}</legend>
          {scene.options.map((o, i) => (
            <label key={o.id} class="inline">
              <input type="radio" name={`choice-${team.id}`} checked={ws.choices[team.id] === o.id} onChange={() => onChange({ ...ws, choices: { ...ws.choices, [team.id]: o.id } })} />{' '}
              {optionLetter(i)}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

function Scoreboard({ ws }: { ws: WorkshopState }) {
  if (ws.recording !== 'teams') return null;
  return (
    <ul class="scoreboard" aria-label={t('workshop.scores')}>
      {ws.teams.map((team) => (
        <li key={team.id}>
          {team.name}: <strong>{t('workshop.points', { count: team.score })}</strong>
        </li>
      ))}
    </ul>
  );
}

function ActionsEditor({ ws, onChange }: { ws: WorkshopState; onChange: (actions: WorkshopState['actions']) => void }) {
  const [draft, setDraft] = useState({ text: '', owner: '', due: '' });
  const [error, setError] = useState('');
  return (
    <section class="actions-editor">
      <h2>{t('workshop.agreedActions')}</h2>
      {ws.actions.length === 0 ? (
        <p>{t('workshop.noActions')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('workshop.action')}</th>
              <th scope="col">{t('workshop.owner')}</th>
              <th scope="col">{t('workshop.due')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('workshop.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ws.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.text}</td>
                <td>{a.owner}</td>
                <td>{a.due}</td>
                <td>
                  <button type="button" class="secondary" onClick={() => onChange(ws.actions.filter((x) => x.id !== a.id))}>
                    {t('workshop.remove')}
                    <span class="visually-hidden">: {a.text}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="action-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.text.trim() || !draft.owner.trim() || !draft.due) {
            setError(t('workshop.actionIncomplete'));
            return;
          }
          setError('');
          onChange([...ws.actions, { id: newId(), text: draft.text.trim(), owner: draft.owner.trim(), due: draft.due }]);
          setDraft({ text: '', owner: '', due: '' });
          document.getElementById('action-text')?.focus();
        }}
      >
        {(
          [
            ['action-text', 'text', 'workshop.action', 'text'],
            ['action-owner', 'owner', 'workshop.owner', 'text'],
            ['action-due', 'due', 'workshop.due', 'date'],
          ] as const
        ).map(([id, key, label, type]) => (
          <div class="field" key={id}>
            <label for={id}>{t(label)}</label>
            <input
              id={id}
              type={type as 'text'}
              value={draft[key]}
              aria-invalid={error && !draft[key].trim() ? 'true' : undefined}
              aria-describedby={error ? 'action-error' : undefined}
              onInput={(e) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value })}
            />
          </div>
        ))}
        {error && (
          <p id="action-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="secondary">
          {t('workshop.addAction')}
        </button>
      </form>
    </section>
  );
}

function Results({ game, ws, ending, heading, onNew }: { game: CompiledGame; ws: WorkshopState; ending: string | null; heading: { current: HTMLHeadingElement | null }; onNew: () => void }) {
  const labels = {
    round: t('workshop.csv.round'),
    card: t('workshop.csv.card'),
    team: t('workshop.csv.team'),
    choice: t('workshop.csv.choice'),
    points: t('workshop.csv.points'),
    votes: t('workshop.csv.votes'),
    followed: t('workshop.csv.followed'),
    total: t('workshop.csv.total'),
    action: t('workshop.action'),
    owner: t('workshop.owner'),
    due: t('workshop.due'),
  };
  const download = (name: string, type: string, text: string) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
  const stamp = new Date().toISOString().slice(0, 10);
  const ranked = [...ws.teams].sort((a, b) => b.score - a.score);
  return (
    <section class="workshop-results">
      <h1 tabIndex={-1} ref={heading}>
        {t('workshop.resultsTitle')}
      </h1>
      {ws.recording === 'teams' && (
        <ol class="ranking">
          {ranked.map((team) => (
            <li key={team.id}>
              {team.name}: {t('workshop.points', { count: team.score })}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('workshop.agreedActions')}</h2>
      {ws.actions.length === 0 ? (
        <p>{t('workshop.noActions')}</p>
      ) : (
        <ul>
          {ws.actions.map((a) => (
            <li key={a.id}>
              {a.text} – {a.owner}, {a.due}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={() => download(`${game.id}-tulokset-${stamp}.csv`, 'text/csv;charset=utf-8', workshopCsv(game, ws, labels))}>
          {t('workshop.exportCsv')}
        </button>
        <button type="button" class="secondary" onClick={() => download(`${game.id}-tulokset-${stamp}.json`, 'application/json', JSON.stringify(workshopJson(game, ws, ending), null, 2))}>
          {t('workshop.exportJson')}
        </button>
        <button type="button" class="secondary" onClick={onNew}>
          {t('workshop.newWorkshop')}
        </button>
      </div>
    </section>
  );
}

async function toggleFullscreen() {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Some LMS iframes do not allow full screen; the layout is large enough without it.
  }
}
