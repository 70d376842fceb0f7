/**
 * The shape of a live workshop room, shared by the console, the phones and the server.
 *
 * A room is two Yjs documents on the workshop server:
 * - the public document `<CODE>`: what every phone may read. Only the console (with the facilitator
 *   token) writes it: the game, the teams, the current card, the timer, the reveal, and the counts.
 * - the ballot document `<CODE>/ballots`: only the console and the server open it. The server writes
 *   each accepted vote, join and idea there; the console reads them and counts. Phones never see who
 *   voted what, so nothing but the console can show a running tally before the reveal.
 *
 * Values are JSON strings under flat keys, so two server instances that write at once (through Redis)
 * merge by key: a vote is keyed by card and voter, so it can be sent twice and still counts once.
 */
import * as Y from 'yjs';

export const BALLOTS_SUFFIX = '/ballots';
export const ballotsDocName = (code: string) => `${code}${BALLOTS_SUFFIX}`;

export type RoomPhase = 'lobby' | 'card' | 'between' | 'debrief' | 'ended';
export type CardState = 'open' | 'closed' | 'revealed';

export interface RoomTeam {
  id: string;
  name: string;
}

export interface RoomCard {
  /** The scene id in the game. */
  id: string;
  state: CardState;
  /** Option ids that may be voted on now. */
  options: string[];
  /** Epoch ms when the timer ends, or null with no running timer. */
  timerEndsAt: number | null;
  timerSeconds: number | null;
}

export interface RoomReveal {
  card: string;
  /** Votes per option. */
  tally: Record<string, number>;
  /** Team mode: each team's choice. */
  teamChoices: Record<string, string>;
  /** The option the story followed. */
  followed: string | null;
}

export interface RoomView {
  gameId: string | null;
  lang: string | null;
  mode: 'teams' | 'tally';
  teams: RoomTeam[];
  phase: RoomPhase;
  card: RoomCard | null;
  reveal: RoomReveal | null;
  joined: number;
  voted: number;
}

const parse = <T>(value: unknown, fallback: T): T => {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
};

export const roomMap = (doc: Y.Doc) => doc.getMap<string>('room');

/** The public room as plain data (defaults for a room the console has not filled yet). */
export function readRoom(doc: Y.Doc): RoomView {
  const m = roomMap(doc);
  const phase = m.get('phase');
  return {
    gameId: parse<string | null>(m.get('gameId'), null),
    lang: parse<string | null>(m.get('lang'), null),
    mode: parse<'teams' | 'tally'>(m.get('mode'), 'tally'),
    teams: parse<RoomTeam[]>(m.get('teams'), []),
    phase: typeof phase === 'string' ? parse<RoomPhase>(phase, 'lobby') : 'lobby',
    card: parse<RoomCard | null>(m.get('card'), null),
    reveal: parse<RoomReveal | null>(m.get('reveal'), null),
    joined: parse<number>(m.get('joined'), 0),
    voted: parse<number>(m.get('voted'), 0),
  };
}

/** The console's write: only keys whose value changed, in one transaction (one update on the wire). */
export function writeRoom(doc: Y.Doc, patch: Partial<RoomView>): void {
  const m = roomMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      const text = JSON.stringify(value ?? null);
      if (m.get(key) !== text) m.set(key, text);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Ballot document: written by the server, read by the console.

export interface Ballot {
  card: string;
  option: string;
  /** The voter's team when the vote arrived (null: votes alone). */
  team: string | null;
  /** The phone's id for this vote: a resend with the same id is the same vote. */
  voteId: string;
  at: number;
}

export interface Participant {
  team: string | null;
  nickname: string;
  joinedAt: number;
}

export interface Idea {
  id: string;
  text: string;
  nickname: string;
  team: string | null;
  at: number;
}

export const ballotsMap = (doc: Y.Doc) => doc.getMap<string>('ballots');
export const participantsMap = (doc: Y.Doc) => doc.getMap<string>('participants');
export const ideasMap = (doc: Y.Doc) => doc.getMap<string>('ideas');
/**
 * The console marks its ballot document as its own. A server that restarted holds an empty ballot
 * document until the console syncs its copy back; a vote written before that would be merged with
 * the console's copy as a concurrent edit, and the older vote could win.
 */
const consoleMark = (doc: Y.Doc) => doc.getMap<boolean>('console');
export function markConsoleBallots(doc: Y.Doc): void {
  if (consoleMark(doc).get('seeded') !== true) consoleMark(doc).set('seeded', true);
}
export const holdsConsoleBallots = (doc: Y.Doc): boolean => consoleMark(doc).get('seeded') === true;

export const ballotKey = (card: string, voter: string) => `${card}|${voter}`;

export function readBallots(doc: Y.Doc, card: string): Ballot[] {
  const out: Ballot[] = [];
  for (const [key, value] of ballotsMap(doc).entries()) {
    if (!key.startsWith(`${card}|`)) continue;
    const ballot = parse<Ballot | null>(value, null);
    if (ballot) out.push(ballot);
  }
  return out;
}

export function readParticipants(doc: Y.Doc): Participant[] {
  return [...participantsMap(doc).values()].map((v) => parse<Participant | null>(v, null)).filter((p): p is Participant => p !== null);
}

export function readIdeas(doc: Y.Doc): Idea[] {
  return [...ideasMap(doc).values()]
    .map((v) => parse<Idea | null>(v, null))
    .filter((i): i is Idea => i !== null)
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export interface CardCount {
  voted: number;
  /** Votes per option. */
  tally: Record<string, number>;
  /** Votes per option within each team. */
  byTeam: Record<string, Record<string, number>>;
}

/** Counts one card's ballots: every voter once, per option and per team. */
export function countCard(ballots: Ballot[], options: string[]): CardCount {
  const tally: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
  const byTeam: Record<string, Record<string, number>> = {};
  for (const b of ballots) {
    if (!(b.option in tally)) continue;
    tally[b.option]! += 1;
    if (b.team) {
      const team = (byTeam[b.team] ??= {});
      team[b.option] = (team[b.option] ?? 0) + 1;
    }
  }
  return { voted: Object.values(tally).reduce((a, b) => a + b, 0), tally, byTeam };
}

/**
 * A team's choice is the option most of its members voted for; a tie is left to the facilitator
 * (the tied options are returned), and a team nobody voted in has no choice.
 */
export function teamMajority(votes: Record<string, number>): { choice: string } | { tied: string[] } | null {
  const entries = Object.entries(votes).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  const most = Math.max(...entries.map(([, n]) => n));
  const top = entries.filter(([, n]) => n === most).map(([o]) => o);
  return top.length === 1 ? { choice: top[0]! } : { tied: top };
}

// ---------------------------------------------------------------------------------------------
// Messages phones send (stateless) and the server's replies.

export type ParticipantMessage =
  | { type: 'join'; participant: string; team: string | null; nickname: string }
  | { type: 'vote'; card: string; option: string; voteId: string }
  | { type: 'idea'; ideaId: string; text: string };

export type ServerReply =
  | { type: 'ack'; ref: string; duplicate?: boolean }
  | { type: 'refused'; ref: string | null; reason: RefusalReason };

export type RefusalReason =
  | 'too-large'
  | 'rate-limited'
  | 'malformed'
  | 'not-joined'
  | 'unknown-team'
  | 'nickname-too-long'
  | 'no-open-card'
  | 'card-closed'
  | 'unknown-option'
  | 'vote-id-reused'
  | 'not-debrief'
  | 'idea-empty'
  | 'idea-too-long'
  | 'too-many-ideas'
  | 'room-gone'
  /** The server restarted and the console has not filled the room again yet: the phone retries. */
  | 'room-not-ready';

export const LIMITS = {
  /** Characters in one stateless message. */
  messageChars: 1024,
  nicknameChars: 30,
  ideaChars: 280,
  ideasPerParticipant: 10,
  /** Ids phones make: 16 random bytes, base64url. */
  idPattern: /^[A-Za-z0-9_-]{16,43}$/,
} as const;

/** Random id for a participant, a vote or an idea (128 bits, base64url). */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
