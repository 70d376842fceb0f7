/**
 * The participant's phone: join a live workshop by code or QR link, pick a team or vote alone,
 * then follow the room: the card and its options, the timer, the results with the principles,
 * and in the debrief a field for suggested actions. Renders the room document; sends only through
 * LiveParticipant, which the server checks.
 */
import '../game/game.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CompiledGame, Scene } from '../content/game-schema';
import type { Lang } from '../content/schema';
import { loadGame } from '../game/load-game';
import { useContent } from '../app/useContent';
import { useViewFocus } from '../app/useViewFocus';
import { t } from '../i18n';
import { optionLetter } from '../game/rules';
import { clock } from '../game/timer';
import { formatJoinCode, isJoinCode, normaliseJoinCode } from './join-code';
import { LIMITS, type RoomReveal } from './room-doc';
import { LiveParticipant, browserStore, type ParticipantState } from './participant-client';
import { workshopServerUrl } from './server-url';
import './live.css';

const Html = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;

export function JoinView({ code, lang }: { code: string | null; lang: Lang }) {
  const valid = code !== null && isJoinCode(code);
  return valid ? <Room key={code} code={code} lang={lang} /> : <CodeForm initial={code ?? ''} />;
}

function CodeForm({ initial }: { initial: string }) {
  const [typed, setTyped] = useState(initial);
  const [error, setError] = useState(initial !== '');
  const heading = useViewFocus(t('live.title'), 'join');
  const submit = (e: Event) => {
    e.preventDefault();
    const code = normaliseJoinCode(typed);
    if (!isJoinCode(code)) return setError(true);
    location.hash = `#/join/${code}`;
  };
  return (
    <section class="live-join">
      <h1 ref={heading} tabIndex={-1}>
        {t('live.title')}
      </h1>
      <form onSubmit={submit} noValidate>
        <label for="join-code">{t('live.codeLabel')}</label>
        <p id="join-code-hint" class="small">
          {t('live.codeHint')}
        </p>
        <input
          id="join-code"
          class="live-code-input"
          value={typed}
          onInput={(e) => (setTyped(e.currentTarget.value), setError(false))}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={12}
          aria-describedby={error ? 'join-code-hint join-code-error' : 'join-code-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
        {error && (
          <p id="join-code-error" class="notice notice-error">
            {t('live.codeInvalid')}
          </p>
        )}
        <button type="submit" class="live-big">
          {t('live.join')}
        </button>
      </form>
    </section>
  );
}

function useParticipant(code: string) {
  const participant = useMemo(() => new LiveParticipant({ serverUrl: workshopServerUrl(), code, store: browserStore() }), [code]);
  const [state, setState] = useState<ParticipantState>(participant.state);
  useEffect(() => {
    const off = participant.subscribe(setState);
    return () => {
      off();
      participant.destroy();
    };
  }, [participant]);
  return { participant, state };
}

function Room({ code, lang }: { code: string; lang: Lang }) {
  const { participant, state } = useParticipant(code);
  const [choosing, setChoosing] = useState(() => participant.identity === null);
  const room = state.room;
  const game = useContent(loadGame, room.gameId ?? '', lang);
  const title = game && game !== 'missing' ? game.title : t('live.title');
  const heading = useViewFocus(title, `join/${code}`);
  const h1 = (
    <h1 ref={heading} tabIndex={-1}>
      {title}
    </h1>
  );

  if (state.status === 'refused') {
    const reason = ['room-not-found', 'room-expired', 'rate-limited'].includes(state.refusedBecause ?? '') ? state.refusedBecause! : 'other';
    return (
      <section class="live-join">
        {h1}
        <p class="notice notice-error" role="alert">
          {t(`live.refused.${reason}`)}
        </p>
        <a class="button live-big" href="#/join">
          {t('live.otherCode')}
        </a>
      </section>
    );
  }

  const identity = participant.identity;
  const teamName = identity?.team ? room.teams.find((team) => team.id === identity.team)?.name : null;
  return (
    <section class="live-join" data-game={game && game !== 'missing' ? game.id : undefined}>
      {h1}
      <p class="eyebrow">
        {t('live.codeLabel')}: <span class="live-code">{formatJoinCode(code)}</span>
      </p>
      {state.status === 'connecting' && <p role="status">{t('live.connecting')}</p>}
      {state.status === 'offline' && (
        <p class="notice notice-warning" role="status">
          {t('live.offline')}
        </p>
      )}
      {choosing || !identity ? (
        <Setup
          state={state}
          initial={identity}
          onReady={(team, nickname) => {
            participant.join(team, nickname);
            setChoosing(false);
          }}
        />
      ) : (
        <>
          <p class="live-who">
            {t('live.you', { who: teamName ?? t('live.alone') })}
            {identity.nickname ? ` (${identity.nickname})` : ''}{' '}
            <button type="button" class="link" onClick={() => setChoosing(true)}>
              {t('live.changeTeam')}
            </button>
          </p>
          <Phase participant={participant} state={state} game={game === 'missing' ? null : game} />
        </>
      )}
      {state.lastRefusal && state.lastRefusal.reason !== 'not-joined' && (
        <p class="notice notice-error" role="alert">
          {t(`live.reason.${state.lastRefusal.reason}`, { defaultValue: t('live.reason.other') })}
        </p>
      )}
    </section>
  );
}

function Setup({ state, initial, onReady }: { state: ParticipantState; initial: { team: string | null; nickname: string } | null; onReady: (team: string | null, nickname: string) => void }) {
  const [team, setTeam] = useState<string | null>(initial?.team ?? null);
  const [nickname, setNickname] = useState(initial?.nickname ?? '');
  const teams = state.room.teams;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onReady(team, nickname.trim());
      }}
    >
      <h2>{t('live.setupTitle')}</h2>
      <fieldset class="live-choices">
        <legend>{t('live.teamLegend')}</legend>
        {teams.map((option) => (
          <label key={option.id} class="live-choice">
            <input type="radio" name="team" checked={team === option.id} onChange={() => setTeam(option.id)} />
            <span>{option.name}</span>
          </label>
        ))}
        <label class="live-choice">
          <input type="radio" name="team" checked={team === null} onChange={() => setTeam(null)} />
          <span>{t('live.alone')}</span>
        </label>
      </fieldset>
      <label for="live-nickname">{t('live.nickname')}</label>
      <p id="live-nickname-hint" class="small">
        {t('live.nicknameHint')}
      </p>
      <input id="live-nickname" value={nickname} maxLength={LIMITS.nicknameChars} aria-describedby="live-nickname-hint" onInput={(e) => setNickname(e.currentTarget.value)} autocomplete="nickname" />
      <button type="submit" class="live-big">
        {t('live.ready')}
      </button>
    </form>
  );
}

function useNow(active: boolean) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function Phase({ participant, state, game }: { participant: LiveParticipant; state: ParticipantState; game: CompiledGame | null }) {
  const room = state.room;
  const card = room.card;
  const scene = card && game ? game.scenes[card.id] : undefined;
  const now = useNow(card?.timerEndsAt != null);
  if (room.phase === 'ended') return <p class="live-message">{t('live.ended')}</p>;
  if (room.phase === 'debrief') return <Ideas participant={participant} state={state} />;
  if (room.phase === 'lobby' || !card || !scene || scene.type !== 'choices') {
    return (
      <>
        <p class="live-message">{room.phase === 'between' ? t('live.between') : t('live.waiting')}</p>
        <p class="small">{t('live.joinedCount', { count: room.joined })}</p>
      </>
    );
  }
  const mine = state.votes[card.id];
  const left = card.timerEndsAt != null ? Math.max(0, card.timerEndsAt - now) : null;
  const open = card.state === 'open';
  return (
    <article class="live-card">
      <h2>{scene.title}</h2>
      <Html html={scene.html} />
      {left !== null && open && (
        <p class={`live-timer${left === 0 ? ' live-timer-up' : ''}`} role="timer" aria-live="off">
          {left === 0 ? t('live.timeUp') : t('game.timeLeft', { time: clock(left) })}
        </p>
      )}
      {card.state === 'revealed' && room.reveal?.card === card.id ? (
        <Results scene={scene} reveal={room.reveal} mine={mine?.option ?? null} />
      ) : (
        <fieldset class="live-choices" disabled={!open}>
          <legend>{t('live.voteLegend')}</legend>
          {scene.options
            .filter((o) => card.options.includes(o.id))
            .map((o) => {
              const i = scene.options.indexOf(o);
              return (
                <button key={o.id} type="button" class="live-option" aria-pressed={mine?.option === o.id ? 'true' : 'false'} onClick={() => participant.vote(card.id, o.id)}>
                  <span class="live-letter" aria-hidden="true">
                    {optionLetter(i)}
                  </span>
                  <span class="visually-hidden">{optionLetter(i)}: </span>
                  <Html html={o.html} />
                </button>
              );
            })}
        </fieldset>
      )}
      {open && mine && (
        <p role="status" class="small">
          {mine.counted ? t('live.voteCounted') : t('live.votePending')}
        </p>
      )}
      {card.state === 'closed' && <p role="status">{t('live.closed')}</p>}
      <p class="small">{t('live.votedCount', { voted: room.voted, joined: room.joined })}</p>
    </article>
  );
}

function Results({ scene, reveal, mine }: { scene: Extract<Scene, { type: 'choices' }>; reveal: RoomReveal; mine: string | null }) {
  const total = Math.max(1, ...Object.values(reveal.tally));
  const best = Math.max(...scene.options.map((o) => o.points));
  return (
    <section class="live-results">
      <h3>{t('live.resultsTitle')}</h3>
      <ul aria-label={t('live.chartLabel')}>
        {scene.options.map((o, i) => {
          const count = reveal.tally[o.id] ?? 0;
          const isBest = best > 0 && o.points === best;
          return (
            <li key={o.id} class={isBest ? 'live-best' : undefined}>
              <p class="live-result-head">
                <strong>{optionLetter(i)}</strong> {isBest && <span class="live-badge">★ {t('live.best')}</span>} {mine === o.id && <span class="live-badge">{t('live.yours')}</span>}
              </p>
              <Html html={o.html} />
              <p class="live-bar-row">
                <span class="live-bar" aria-hidden="true">
                  <span style={{ width: `${(count / total) * 100}%` }} />
                </span>
                <span>{t('live.votes', { count })}</span>
              </p>
              <details open={isBest || mine === o.id}>
                <summary>{t('live.principle')}</summary>
                <Html html={o.feedback} />
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Ideas({ participant, state }: { participant: LiveParticipant; state: ParticipantState }) {
  const [text, setText] = useState('');
  return (
    <form
      class="live-ideas"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        participant.idea(text);
        setText('');
      }}
    >
      <h2>{t('live.debriefTitle')}</h2>
      <label for="live-idea">{t('live.ideaLabel')}</label>
      <textarea id="live-idea" rows={4} maxLength={LIMITS.ideaChars} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="submit" class="live-big">
        {t('live.sendIdea')}
      </button>
      <p role="status" class="small">
        {t('live.ideasSent', { count: state.ideasSent })}
      </p>
    </form>
  );
}
