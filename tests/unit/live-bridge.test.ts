/** The bridge between the workshop session machine and the live room, on a real shipped game. */
import { join } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content.ts';
import type { CompiledGame } from '../../src/content/game-schema.ts';
import { cardOptions, createWorkshopSessionMachine, isDecision, type SessionView } from '../../src/game/workshop-session/machine.ts';
import { countCard, type Ballot } from '../../src/live/room-doc.ts';
import { eventsFromVotes, roomFromSession } from '../../src/live/session-bridge.ts';

const game = buildContent(join(import.meta.dirname, '../..'), ['avoimuusdilemmat']).games[0]!.compiled.fi as CompiledGame;
const ballot = (option: string, team: string | null, n: number): Ballot => ({ card: 'x', option, team, voteId: `v${n}`, at: n });

function session(recording: 'teams' | 'tally') {
  const actor = createActor(createWorkshopSessionMachine(game)).start();
  actor.send({ type: 'SETUP', teams: ['Kunta', 'Ministeriö', 'Järjestö'], recording, at: 0 });
  // Past the opening steps, to the first decision card.
  for (let i = 0; i < 10 && !isDecision(game.scenes[actor.getSnapshot().context.game.scene]); i++) actor.send({ type: 'CONTINUE' });
  expect(isDecision(game.scenes[actor.getSnapshot().context.game.scene])).toBe(true);
  return actor;
}

describe('live room from the workshop session', () => {
  it('shows the lobby before the start, then the open card with its options, then the reveal', () => {
    const before = createActor(createWorkshopSessionMachine(game)).start();
    expect(roomFromSession(game, before.getSnapshot() as unknown as SessionView, 'fi')).toMatchObject({ phase: 'lobby', card: null, gameId: game.id });
    const actor = session('teams');
    const view = actor.getSnapshot() as unknown as SessionView;
    const room = roomFromSession(game, view, 'fi', 1_000);
    const options = cardOptions(game, view.context).map((o) => o.id);
    expect(room).toMatchObject({ phase: 'card', mode: 'teams', card: { id: view.context.game.scene, state: 'open', options, timerEndsAt: null } });
    expect(room.teams.map((t) => t.name)).toEqual(['Kunta', 'Ministeriö', 'Järjestö']);
    actor.send({ type: 'TIMER_START', at: 1_000 });
    expect(roomFromSession(game, actor.getSnapshot() as unknown as SessionView, 'fi', 1_000).card?.timerEndsAt).toBe(1_000 + view.context.timer.remainingMs);
    actor.send({ type: 'TEAM_CHOICE', team: 't1', option: options[0]!, source: 'phones' });
    actor.send({ type: 'REVEAL', at: 2_000 });
    const revealed = roomFromSession(game, actor.getSnapshot() as unknown as SessionView, 'fi');
    expect(revealed.card?.state).toBe('revealed');
    expect(revealed.reveal).toMatchObject({ card: view.context.game.scene, teamChoices: { t1: options[0] }, tally: { [options[0]!]: 1 } });
  });

  it("turns phone votes into each team's majority and leaves a tie to the facilitator", () => {
    const actor = session('teams');
    const view = actor.getSnapshot() as unknown as SessionView;
    const [a, b] = cardOptions(game, view.context).map((o) => o.id) as [string, string];
    const count = countCard([ballot(a, 't1', 1), ballot(a, 't1', 2), ballot(b, 't1', 3), ballot(a, 't2', 4), ballot(b, 't2', 5), ballot(b, null, 6)], [a, b]);
    const { events, ties } = eventsFromVotes(view, count);
    expect(events).toEqual([{ type: 'TEAM_CHOICE', team: 't1', option: a, source: 'phones' }]);
    expect(ties).toEqual([{ team: 't2', options: [a, b] }]);
    for (const e of events) actor.send(e);
    // Already held: nothing is sent again.
    expect(eventsFromVotes(actor.getSnapshot() as unknown as SessionView, count).events).toEqual([]);
  });

  it('sets the tally from the phones in tally mode', () => {
    const actor = session('tally');
    const view = actor.getSnapshot() as unknown as SessionView;
    const [a, b] = cardOptions(game, view.context).map((o) => o.id) as [string, string];
    const count = countCard([ballot(a, null, 1), ballot(b, null, 2), ballot(b, null, 3)], cardOptions(game, view.context).map((o) => o.id));
    const { events } = eventsFromVotes(view, count);
    expect(events).toHaveLength(1);
    actor.send(events[0]!);
    const after = actor.getSnapshot() as unknown as SessionView;
    expect(after.context.votes.tally).toMatchObject({ [a]: 1, [b]: 2 });
    expect(eventsFromVotes(after, count).events).toEqual([]);
  });
});
