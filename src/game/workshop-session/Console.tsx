/**
 * The facilitator console (the trainer's laptop): what the room sees, small, beside the controls for
 * the phase the session is in. It opens the audience view in a second window that follows it, or
 * hides its controls to be the room's screen itself (one-screen mode).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledGame } from '../../content/game-schema';
import { announce } from '../../app/announce';
import { useStore } from '../../app/context';
import { useViewFocus } from '../../app/useViewFocus';
import { t } from '../../i18n';
import { newId } from '../../storage/db';
import { optionLetter } from '../rules';
import { useTicking } from '../useCountdown';
import { ConsoleNotes } from '../facilitator/ConsoleNotes';
import { cardOptions, MAX_TEAM_NAME, MAX_TEAMS, MIN_TEAMS, phaseOf, setupProblem, type AgreedAction, type Phase, type Recording, type SessionEvent, type SessionView } from './machine';
import { ResultsPanel } from './ResultsPanel';
import { beep } from './sound';
import { Stage } from './Stage';
import { useWorkshopSession } from './useWorkshopSession';
import { formatDue } from './dates';
import { Lazy } from '../../app/Lazy';
import { i18n } from '../../i18n';
import './workshop.css';

// Live workshop code (Yjs, Hocuspocus, QR) loads only when a console opens.
// A SCORM package (built with --keep-workshop) runs workshops by hand only: no live code in it.
const livePanel = import.meta.env.KOHTAAMO_PACKAGE_BUILD ? null : () => import('../../live/LivePanel');

export function Console({ game }: { game: CompiledGame }) {
  const store = useStore();
  const session = useWorkshopSession(store, game);
  const [oneScreen, setOneScreen] = useState(false);
  const [sound, setSound] = useState(false);
  const view = session.view;
  const phase: Phase = view ? phaseOf(view.value) : 'setup';
  const scene = view ? game.scenes[view.context.game.scene] : undefined;
  const title = phase === 'setup' ? t('workshop.setupTitle') : (scene?.title ?? game.title);
  const heading = useViewFocus(title, `${phase}-${view?.context.game.scene ?? ''}`);
  const send = (event: SessionEvent) => void session.send(event);

  // The console is the only writer: it tells the machine when the countdown reaches 0:00.
  const timer = useTicking(view && phase === 'card' ? view.context.timer : null, () => void session.send({ type: 'TIME_UP', at: Date.now() }));
  useEffect(() => {
    if (phase === 'timeUp') {
      announce(t('workshop.timeUp'));
      if (sound) beep();
    }
  }, [phase]);

  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const typing = /^(TEXTAREA|SELECT)$/.test(target.tagName) || (target.tagName === 'INPUT' && !/^(radio|checkbox|button)$/.test((target as HTMLInputElement).type));
    if (e.ctrlKey || e.metaKey || e.altKey || typing || !view) return;
    const key = e.key.toLowerCase();
    const onCard = phase === 'card' || phase === 'timeUp';
    const now = Date.now();
    if (key === 'h') setOneScreen((v) => !v);
    else if (key === 'escape' && oneScreen) setOneScreen(false);
    else if (phase === 'card' && key === 't') send({ type: view.context.timer.runningSince !== null ? 'TIMER_PAUSE' : 'TIMER_START', at: now });
    else if (onCard && key === '+') send({ type: 'TIMER_ADD', seconds: 30, at: now });
    else if (onCard && key === 'u') send({ type: 'UNDO' });
    else if (onCard && key === 'r') send({ type: 'REVEAL', at: now });
    else if (phase === 'reveal' && key === 'n') send({ type: 'NEXT' });
    else if ((phase === 'between' || phase === 'step' || phase === 'ending') && key === 'n') send({ type: 'CONTINUE' });
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  if (!view) return <p role="status">{session.error ?? t('app.loading')}</p>;

  const openScreen = () => {
    const url = `${location.pathname}${location.search}#/game/${encodeURIComponent(game.id)}/screen`;
    window.open(url, `kohtaamo-screen-${game.id}`, 'popup,width=1280,height=720');
  };

  return (
    <article class={`workshop-console${oneScreen ? ' one-screen' : ''}`}>
      <div class="console-bar">
        <p class="eyebrow">
          {t('workshop.label')} · {game.title}
        </p>
        <div class="console-tools">
          <button type="button" class="secondary" onClick={openScreen}>
            {t('workshop.openScreen')}
          </button>
          <button type="button" class="secondary" aria-pressed={oneScreen} aria-keyshortcuts="H" onClick={() => setOneScreen(!oneScreen)}>
            {t('workshop.hideControls')}
          </button>
          <label class="inline">
            <input type="checkbox" checked={sound} onChange={() => setSound(!sound)} /> {t('workshop.sound')}
          </label>
          <a href="#/workshops">{t('workshop.history.link')}</a>
        </div>
      </div>
      {session.error && (
        <p class="notice notice-error" role="alert">
          {t('storage.writeFailed')} {session.error}
        </p>
      )}
      <div class="console-grid">
        <section class="console-stage" aria-label={t('workshop.roomSees')}>
          <Stage game={game} view={view} heading={heading} />
          {oneScreen && (
            <button type="button" class="show-controls" onClick={() => setOneScreen(false)}>
              {t('workshop.showControls')}
            </button>
          )}
        </section>
        {!oneScreen && (
          <section class="console-controls" aria-label={t('workshop.controls')}>
            <Controls game={game} view={view} phase={phase} send={send} timerLabel={timer.label} onNew={session.startNew} />
            {phase !== 'setup' && (
              <section class="facilitator-notes" aria-label={t('workshop.cardNotes')}>
                <ConsoleNotes game={game} sceneId={view.context.game.scene} startedAt={view.context.startedAt} now={Date.now()} />
              </section>
            )}
            <p class="shortcuts small">{t('workshop.shortcuts')}</p>
          </section>
        )}
      </div>
      {/* Outside the grid so that one-screen mode hides it without closing the live room. */}
      {livePanel && <Lazy load={livePanel} render={(m) => <m.LivePanel game={game} view={view} sessionId={session.sessionId} lang={i18n.language} send={send} hidden={oneScreen} />} />}
    </article>
  );
}

interface ControlsProps {
  game: CompiledGame;
  view: SessionView;
  phase: Phase;
  send: (e: SessionEvent) => void;
  timerLabel: string;
  onNew: () => Promise<void>;
}

function Controls({ game, view, phase, send, timerLabel, onNew }: ControlsProps) {
  const c = view.context;
  const now = () => Date.now();
  switch (phase) {
    case 'setup':
      return <Setup onStart={(teams, recording) => send({ type: 'SETUP', teams, recording, at: now() })} />;
    case 'card':
    case 'timeUp': {
      const options = cardOptions(game, c);
      return (
        <>
          <div class="console-timer" role="group" aria-label={t('workshop.timer')}>
            <span class="time" aria-hidden="true">
              {phase === 'timeUp' ? '0:00' : timerLabel}
            </span>
            {phase === 'card' && (
              <button type="button" aria-keyshortcuts="T" onClick={() => send({ type: c.timer.runningSince !== null ? 'TIMER_PAUSE' : 'TIMER_START', at: now() })}>
                {c.timer.runningSince !== null ? t('workshop.pause') : t('workshop.start')}
              </button>
            )}
            <button type="button" class="secondary" aria-keyshortcuts="+" onClick={() => send({ type: 'TIMER_ADD', seconds: 30, at: now() })}>
              {t('workshop.addTime', { seconds: 30 })}
            </button>
            <button type="button" class="secondary" onClick={() => send({ type: 'TIMER_ADD', seconds: 60, at: now() })}>
              {t('workshop.addTime', { seconds: 60 })}
            </button>
          </div>
          {phase === 'timeUp' && <p class="notice notice-warning">{t('workshop.timeUpConsole')}</p>}
          {c.recording === 'teams' ? (
            <div class="recorder">
              <p class="recorder-title">{t('workshop.recordLegend')}</p>
              {c.teams.map((team) => (
                <fieldset key={team.id} class="team-choice">
                  <legend>{team.name}</legend>
                  {options.map((o, i) => (
                    <label key={o.id} class="inline">
                      <input type="radio" name={`choice-${team.id}`} checked={c.votes.choices[team.id] === o.id} onChange={() => send({ type: 'TEAM_CHOICE', team: team.id, option: o.id })} />{' '}
                      {optionLetter(i)}
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
          ) : (
            <fieldset class="recorder tally">
              <legend>{t('workshop.tallyLegend')}</legend>
              {options.map((o, i) => (
                <button key={o.id} type="button" class="secondary" onClick={() => send({ type: 'VOTE_ADD', option: o.id })}>
                  {t('workshop.addVote', { letter: optionLetter(i) })} <span class="count">({t('workshop.votes', { count: c.votes.tally[o.id] ?? 0 })})</span>
                </button>
              ))}
            </fieldset>
          )}
          <div class="actions">
            <button type="button" class="secondary" aria-keyshortcuts="U" disabled={c.undo.length === 0} onClick={() => send({ type: 'UNDO' })}>
              {t('workshop.undo')}
            </button>
            <button type="button" aria-keyshortcuts="R" onClick={() => send({ type: 'REVEAL', at: now() })}>
              {t('workshop.reveal')}
            </button>
          </div>
        </>
      );
    }
    case 'reveal': {
      const options = cardOptions(game, c);
      const followed = c.log.at(-1)!.followed;
      return (
        <div class="actions">
          <label for="follow">{t('workshop.follow')}</label>
          <select id="follow" value={followed} onChange={(e) => send({ type: 'FOLLOW', option: (e.currentTarget as HTMLSelectElement).value })}>
            {options.map((o, i) => (
              <option key={o.id} value={o.id}>
                {optionLetter(i)}
              </option>
            ))}
          </select>
          <button type="button" aria-keyshortcuts="N" onClick={() => send({ type: 'NEXT' })}>
            {t('workshop.next')} →
          </button>
        </div>
      );
    }
    case 'between':
    case 'step':
    case 'ending':
      return (
        <div class="actions">
          <button type="button" aria-keyshortcuts="N" onClick={() => send({ type: 'CONTINUE' })}>
            {phase === 'ending' ? t('workshop.startDebrief') : phase === 'step' ? t('workshop.showEnding') : t('game.continue')} →
          </button>
        </div>
      );
    case 'what':
    case 'why':
      return (
        <>
          <div class="field">
            <label for={`notes-${phase}`}>{t(`workshop.notes.${phase === 'what' ? 0 : 1}`)}</label>
            <textarea id={`notes-${phase}`} rows={4} value={c.notes[phase]} onInput={(e) => send({ type: 'NOTES_SET', field: phase, text: (e.currentTarget as HTMLTextAreaElement).value })} />
          </div>
          <StepButtons send={send} />
        </>
      );
    case 'actions':
      return (
        <>
          <ActionsEditor actions={c.actions} send={send} />
          <div class="actions">
            <button type="button" class="secondary" onClick={() => send({ type: 'STEP_BACK' })}>
              ← {t('workshop.previousStep')}
            </button>
            <button type="button" onClick={() => send({ type: 'FINISH' })}>
              {t('workshop.showResults')}
            </button>
          </div>
        </>
      );
    case 'results':
      return <ResultsPanel game={game} view={view} onBack={() => send({ type: 'STEP_BACK' })} onNew={onNew} />;
  }
}

function StepButtons({ send }: { send: (e: SessionEvent) => void }) {
  return (
    <div class="actions">
      <button type="button" class="secondary" onClick={() => send({ type: 'STEP_BACK' })}>
        ← {t('workshop.previousStep')}
      </button>
      <button type="button" onClick={() => send({ type: 'STEP_NEXT' })}>
        {t('workshop.nextStep')} →
      </button>
    </div>
  );
}

function Setup({ onStart }: { onStart: (names: string[], recording: Recording) => void }) {
  const [names, setNames] = useState(() => [1, 2, 3].map((n) => t('workshop.defaultTeam', { n })));
  const [recording, setRecording] = useState<Recording>('teams');
  const [problem, setProblem] = useState<string | null>(null);
  const setCount = (count: number) => setNames((current) => Array.from({ length: count }, (_, i) => current[i] ?? t('workshop.defaultTeam', { n: i + 1 })));
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
        onStart(
          names.map((n) => n.trim()),
          recording,
        );
      }}
    >
      <h2>{t('workshop.setupTitle')}</h2>
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
            maxLength={MAX_TEAM_NAME}
            aria-invalid={problem && problem !== 'count' ? 'true' : undefined}
            aria-describedby={problem ? 'setup-error team-name-hint' : 'team-name-hint'}
            onInput={(e) => setNames(names.map((n, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : n)))}
          />
        </div>
      ))}
      <p id="team-name-hint" class="small">
        {t('workshop.teamNameHint', { max: MAX_TEAM_NAME })}
      </p>
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
          {t(`workshop.setupProblem.${problem}`, { min: MIN_TEAMS, max: MAX_TEAMS, length: MAX_TEAM_NAME })}
        </p>
      )}
      <div class="actions">
        <button type="submit">{t('workshop.startWorkshop')}</button>
      </div>
    </form>
  );
}

function ActionsEditor({ actions, send }: { actions: AgreedAction[]; send: (e: SessionEvent) => void }) {
  const [draft, setDraft] = useState({ text: '', owner: '', due: '' });
  const [error, setError] = useState('');
  return (
    <section class="actions-editor">
      <h2>{t('workshop.agreedActions')}</h2>
      {actions.length === 0 ? (
        <p>{t('workshop.noActions')}</p>
      ) : (
        <ul class="action-list">
          {actions.map((a) => (
            <li key={a.id}>
              <span>
                {a.text} – {a.owner}, {formatDue(a.due)}
              </span>{' '}
              <button type="button" class="secondary" onClick={() => send({ type: 'ACTION_REMOVE', id: a.id })}>
                {t('workshop.remove')}
                <span class="visually-hidden">: {a.text}</span>
              </button>
            </li>
          ))}
        </ul>
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
          send({ type: 'ACTION_ADD', action: { id: newId(), text: draft.text.trim(), owner: draft.owner.trim(), due: draft.due } });
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
