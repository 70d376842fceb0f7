/**
 * Between the workshop session (the console's XState machine) and the live room: what the phones
 * should see for a session state, and which session events the phones' votes amount to.
 * Pure functions; the console panel calls them on every change.
 */
import type { CompiledGame } from '../content/game-schema';
import { cardOptions, phaseOf, type SessionEvent, type SessionView } from '../game/workshop-session/machine';
import { remaining } from '../game/timer';
import { teamMajority, type CardCount, type RoomView } from './room-doc';

export function roomFromSession(game: CompiledGame, view: SessionView, lang: string, now = Date.now()): Omit<RoomView, 'joined' | 'voted'> {
  const phase = phaseOf(view.value);
  const c = view.context;
  const base = { gameId: game.id, lang, mode: c.recording, teams: c.teams.map((team) => ({ id: team.id, name: team.name })) };
  const onCard = phase === 'card' || phase === 'timeUp' || phase === 'reveal';
  const options = onCard ? cardOptions(game, c) : [];
  if (!onCard || options.length < 2) {
    const roomPhase = phase === 'setup' ? 'lobby' : phase === 'what' || phase === 'why' || phase === 'actions' ? 'debrief' : phase === 'results' ? 'ended' : 'between';
    return { ...base, phase: roomPhase, card: null, reveal: null };
  }
  const left = remaining(c.timer, now);
  const card = {
    id: c.game.scene,
    state: phase === 'reveal' ? ('revealed' as const) : ('open' as const),
    options: options.map((o) => o.id),
    timerEndsAt: c.timer.runningSince !== null ? now + left : null,
    timerSeconds: Math.round(left / 1000),
  };
  const record = phase === 'reveal' ? c.log.at(-1) : undefined;
  const reveal = record
    ? {
        card: record.scene,
        tally: c.recording === 'tally' ? record.tally : Object.fromEntries(card.options.map((o) => [o, Object.values(record.choices).filter((x) => x === o).length])),
        teamChoices: record.choices,
        followed: record.followed,
      }
    : null;
  return { ...base, phase: 'card', card, reveal };
}

/**
 * The session events the phones' votes call for on the open card: in tally mode the counts; in
 * team mode each team's majority (a tie is left to the facilitator, and listed). Nothing that the
 * session already holds is sent again.
 */
export function eventsFromVotes(view: SessionView, count: CardCount): { events: SessionEvent[]; ties: { team: string; options: string[] }[] } {
  const phase = phaseOf(view.value);
  if (phase !== 'card' && phase !== 'timeUp') return { events: [], ties: [] };
  const c = view.context;
  if (c.recording === 'tally') {
    if (count.voted === 0) return { events: [], ties: [] };
    const changed = Object.entries(count.tally).some(([o, n]) => (c.votes.tally[o] ?? 0) !== n);
    return { events: changed ? [{ type: 'VOTE_COUNTS_SET', counts: count.tally, source: 'phones' }] : [], ties: [] };
  }
  const events: SessionEvent[] = [];
  const ties: { team: string; options: string[] }[] = [];
  for (const team of c.teams) {
    const result = teamMajority(count.byTeam[team.id] ?? {});
    if (!result) continue;
    if ('tied' in result) ties.push({ team: team.id, options: result.tied });
    else if (c.votes.choices[team.id] !== result.choice) events.push({ type: 'TEAM_CHOICE', team: team.id, option: result.choice, source: 'phones' });
  }
  return { events, ties };
}
