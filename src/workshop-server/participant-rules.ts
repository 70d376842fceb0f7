/**
 * What the server accepts from a phone, as pure functions over the room as it is now. Each check
 * either names the change to write or the reason for refusing; nothing here touches a socket.
 */
import { LIMITS, type Ballot, type Idea, type Participant, type ParticipantMessage, type RefusalReason, type RoomView } from '../live/room-doc.ts';

export type Decision<T> = { ok: true; value: T; duplicate?: boolean } | { ok: false; reason: RefusalReason };

const refuse = (reason: RefusalReason) => ({ ok: false, reason }) as const;
const isId = (v: unknown): v is string => typeof v === 'string' && LIMITS.idPattern.test(v);
const isShortText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
/** Control characters (other than none) never belong in a nickname or an idea. */
const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();

/** Reads a phone's message: size first, then shape. */
export function parseMessage(payload: string): Decision<ParticipantMessage> & { ref?: string | null } {
  if (payload.length > LIMITS.messageChars) return refuse('too-large');
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return refuse('malformed');
  }
  if (!data || typeof data !== 'object') return refuse('malformed');
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'join':
      if (!isId(m.participant) || (m.team !== null && typeof m.team !== 'string') || typeof m.nickname !== 'string') return refuse('malformed');
      return { ok: true, value: { type: 'join', participant: m.participant, team: m.team as string | null, nickname: m.nickname } };
    case 'vote':
      if (!isShortText(m.card, 100) || !isShortText(m.option, 100) || !isId(m.voteId)) return refuse('malformed');
      return { ok: true, value: { type: 'vote', card: m.card as string, option: m.option as string, voteId: m.voteId } };
    case 'idea':
      if (!isId(m.ideaId) || typeof m.text !== 'string') return refuse('malformed');
      return { ok: true, value: { type: 'idea', ideaId: m.ideaId, text: m.text } };
    default:
      return refuse('malformed');
  }
}

/** The reference a reply carries so the phone knows which of its messages it answers. */
export function messageRef(message: ParticipantMessage): string {
  return message.type === 'vote' ? message.voteId : message.type === 'idea' ? message.ideaId : 'join';
}

export function decideJoin(room: RoomView, message: Extract<ParticipantMessage, { type: 'join' }>, now: number): Decision<Participant> {
  if (message.team !== null && !room.teams.some((t) => t.id === message.team)) return refuse('unknown-team');
  const nickname = clean(message.nickname);
  if (nickname.length > LIMITS.nicknameChars) return refuse('nickname-too-long');
  return { ok: true, value: { team: message.team, nickname, joinedAt: now } };
}

/**
 * A vote counts when the card it names is the open card and the option is one of its options.
 * A participant has one ballot per card: a new vote replaces it until the card closes; the same
 * vote sent again (same vote id, e.g. after a lost connection) is acknowledged and not counted twice.
 */
export function decideVote(
  room: RoomView,
  message: Extract<ParticipantMessage, { type: 'vote' }>,
  voter: Participant,
  existing: Ballot | null,
  now: number,
): Decision<Ballot> {
  if (existing && existing.voteId === message.voteId) {
    if (existing.option !== message.option) return refuse('vote-id-reused');
    return { ok: true, value: existing, duplicate: true };
  }
  const card = room.card;
  if (!card) return refuse('no-open-card');
  if (card.id !== message.card || card.state !== 'open' || room.phase !== 'card') return refuse('card-closed');
  if (!card.options.includes(message.option)) return refuse('unknown-option');
  return { ok: true, value: { card: card.id, option: message.option, team: voter.team, voteId: message.voteId, at: now } };
}

export function decideIdea(
  room: RoomView,
  message: Extract<ParticipantMessage, { type: 'idea' }>,
  voter: Participant,
  /** This participant's ideas so far. */
  ideasSoFar: Idea[],
  now: number,
): Decision<Idea> {
  const same = ideasSoFar.find((i) => i.id === message.ideaId);
  if (same) return { ok: true, value: same, duplicate: true };
  if (room.phase !== 'debrief') return refuse('not-debrief');
  if (ideasSoFar.length >= LIMITS.ideasPerParticipant) return refuse('too-many-ideas');
  const text = clean(message.text);
  if (!text) return refuse('idea-empty');
  if (text.length > LIMITS.ideaChars) return refuse('idea-too-long');
  return { ok: true, value: { id: message.ideaId, text, nickname: voter.nickname, team: voter.team, at: now } };
}
