/**
 * On the facilitator console: opens the workshop to phones (a live room on the workshop server),
 * shows the join code, QR code and address, the live counts, feeds the phones' votes into the
 * session, and lets the facilitator pick the participants' ideas into the agreed actions.
 * Without a server the console works by hand as before; this panel only says so.
 */
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompiledGame } from '../content/game-schema';
import type { SessionEvent, SessionView } from '../game/workshop-session/machine';
import { phaseOf } from '../game/workshop-session/machine';
import { t } from '../i18n';
import { newId } from '../storage/db';
import { LiveConsole, RoomCreationError, createRoom } from './console-client';
import { formatJoinCode } from './join-code';
import { announceJoinInfo, type JoinInfo } from './live-channel';
import { loadRoom, saveRoom, type SavedRoom } from './live-store';
import { readRoom, type Idea } from './room-doc';
import { workshopServerUrl } from './server-url';
import { eventsFromVotes, roomFromSession } from './session-bridge';
import './live.css';

interface Props {
  game: CompiledGame;
  view: SessionView;
  sessionId: string | null;
  lang: string;
  send: (event: SessionEvent) => void;
  /** One-screen mode: the panel is not shown, but the room keeps following the session. */
  hidden?: boolean;
}

export function LivePanel({ game, view, sessionId, lang, send, hidden = false }: Props) {
  const [live, setLive] = useState<LiveConsole | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [qrSvg, setQrSvg] = useState('');
  const [ties, setTies] = useState<{ team: string; options: string[] }[]>([]);
  const [, setTick] = useState(0);
  const latest = useRef(view);
  latest.current = view;
  const saved = useRef<SavedRoom | null>(null);

  const connect = (room: SavedRoom) => {
    saved.current = room;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const client = new LiveConsole({
      serverUrl: room.serverUrl,
      code: room.code,
      token: room.token,
      savedBallots: room.ballots,
      saveBallots: (state) => {
        clearTimeout(pending);
        pending = setTimeout(() => void saveRoom({ ...saved.current!, ballots: state }).catch(() => undefined), 300);
      },
    });
    setLive(client);
  };

  // A session that had a room reconnects to it (after a reload or a server restart); a new
  // workshop starts without the old one's room.
  useEffect(() => {
    if (saved.current && saved.current.sessionId !== sessionId) {
      saved.current = null;
      setLive(null);
    }
    if (!sessionId) return;
    let cancelled = false;
    void loadRoom(sessionId)
      .then((room) => !cancelled && room && connect(room))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [sessionId]);
  useEffect(() => () => live?.destroy(), [live]);

  const joinUrl = live ? `${location.origin}${location.pathname}#/join/${live.options.code}` : '';
  useEffect(() => {
    if (joinUrl) void QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setQrSvg);
  }, [joinUrl]);

  // The room follows the session; the phones' votes flow back into it.
  const applyVotes = () => {
    const client = live;
    const current = latest.current;
    if (!client) return;
    const card = client.view.card;
    if (!card || card.id !== current.context.game.scene) return;
    const result = eventsFromVotes(current, client.count(card.id, card.options));
    for (const event of result.events) send(event);
    setTies(result.ties);
  };
  useEffect(() => {
    if (!live) return;
    live.publish(roomFromSession(game, view, lang));
  }, [live, view, lang]);
  useEffect(() => {
    if (!live) return;
    return live.subscribe(() => {
      applyVotes();
      setTick((n) => n + 1);
    });
  }, [live]);

  // The audience window learns the code and counts.
  const info: JoinInfo | null = live && qrSvg ? { code: live.options.code, joinUrl, qrSvg, joined: readRoom(live.room).joined, voted: readRoom(live.room).voted } : null;
  const infoRef = useRef(info);
  infoRef.current = info;
  const channel = useRef<ReturnType<typeof announceJoinInfo> | null>(null);
  useEffect(() => {
    channel.current = announceJoinInfo(game.id, () => infoRef.current);
    return () => channel.current?.close();
  }, [game.id]);
  useEffect(() => channel.current?.publish(info), [info?.code, info?.qrSvg, info?.joined, info?.voted]);

  const start = async () => {
    if (!sessionId) return;
    setProblem(null);
    try {
      const credentials = await createRoom(workshopServerUrl());
      const room: SavedRoom = { sessionId, ...credentials, ballots: null };
      await saveRoom(room);
      connect(room);
    } catch (error) {
      setProblem(error instanceof RoomCreationError ? error.reason : String(error));
    }
  };

  const phase = phaseOf(view.value);
  if (hidden) return null;
  if (!live) {
    return (
      <section class="live-panel">
        <h2>{t('live.panelTitle')}</h2>
        <p class="small">{t('live.panelHint')}</p>
        <button type="button" class="secondary" onClick={() => void start()} disabled={!sessionId}>
          {t('live.open')}
        </button>
        {problem && (
          <p class="notice notice-warning" role="alert">
            {t('live.serverUnreachable')}
          </p>
        )}
      </section>
    );
  }

  const room = readRoom(live.room);
  const teamName = (id: string) => view.context.teams.find((team) => team.id === id)?.name ?? id;
  const ideas = live.ideas();
  const taken = new Set(view.context.actions.map((a) => a.text));
  return (
    <section class="live-panel">
      <h2>{t('live.panelTitle')}</h2>
      {live.status !== 'online' && (
        <p class="notice notice-warning" role="status">
          {live.status === 'refused' ? t('live.roomClosed') : t('live.reconnecting')}
        </p>
      )}
      <div class="live-panel-join">
        <div class="live-qr" role="img" aria-label={t('live.qrLabel', { url: joinUrl })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <div>
          <p>
            {t('live.codeLabel')}: <strong class="live-code">{formatJoinCode(live.options.code)}</strong>
          </p>
          <p class="small live-url">{joinUrl}</p>
          <p>{t('live.joinedCount', { count: room.joined })}</p>
          {room.card && <p>{t('live.votedOf', { voted: room.voted, joined: room.joined })}</p>}
        </div>
      </div>
      {ties.length > 0 && (
        <p class="notice notice-warning" role="status">
          {ties.map((tie) => t('live.tie', { team: teamName(tie.team) })).join(' ')}
        </p>
      )}
      {(phase === 'what' || phase === 'why' || phase === 'actions') && (
        <section>
          <h3>{t('live.ideasTitle')}</h3>
          {ideas.length === 0 ? (
            <p class="small">{t('live.noIdeas')}</p>
          ) : (
            <ul class="live-ideas-list">
              {ideas.map((idea: Idea) => (
                <li key={idea.id}>
                  <p>
                    {idea.text}
                    {idea.nickname && <span class="small"> – {idea.nickname}</span>}
                  </p>
                  {phase === 'actions' && (
                    <button type="button" class="secondary" disabled={taken.has(idea.text)} onClick={() => send({ type: 'ACTION_ADD', action: { id: newId(), text: idea.text, owner: '', due: '' } })}>
                      {taken.has(idea.text) ? t('live.ideaTaken') : t('live.takeIdea')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
