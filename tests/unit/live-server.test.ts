/**
 * The live workshop server against real clients: every check refuses what it should, says why,
 * and leaves the room working for everybody else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { LiveConsole } from '../../src/live/console-client.ts';
import { isJoinCode } from '../../src/live/join-code.ts';
import { ballotsDocName, readRoom, roomMap } from '../../src/live/room-doc.ts';
import type { RunningWorkshopServer } from '../../src/workshop-server/server.ts';
import { openCard, openConsole, openPhone, startServer, waitFor } from './live-helpers.ts';

let server: RunningWorkshopServer;
const cleanup: { destroy(): void }[] = [];
const track = <T extends { destroy(): void }>(x: T) => (cleanup.push(x), x);

beforeEach(async () => {
  server = await startServer({ maxFrameBytes: 64 * 1024 });
});
afterEach(async () => {
  for (const c of cleanup.splice(0)) c.destroy();
  await server.close();
});

/** A phone that has joined team t1, and the console with card c1 open. */
async function roomWithPhone() {
  const live = track(await openConsole(server.url));
  openCard(live);
  const phone = track(await openPhone(server.url, live.options.code));
  await waitFor(() => readRoom(phone.doc).card?.id === 'c1', 'the phone to see the card');
  phone.join('t1', 'Maija');
  await waitFor(() => phone.state.joined, 'the join to be acknowledged');
  return { live, phone };
}

/** The room still works: another phone joins and its vote is counted. */
async function expectRoomIntact(live: LiveConsole, card = 'c1') {
  const before = live.count(card, ['a', 'b', 'c']).voted;
  const other = track(await openPhone(server.url, live.options.code));
  other.join(null, '');
  await waitFor(() => other.state.joined, 'another phone to join');
  other.vote(card, 'b');
  await waitFor(() => live.count(card, ['a', 'b', 'c']).voted === before + 1, 'the other vote to count');
}

describe('live workshop server', () => {
  it('creates a room with a join code and a token of at least 128 bits', async () => {
    const live = track(await openConsole(server.url));
    expect(isJoinCode(live.options.code)).toBe(true);
    expect(Buffer.from(live.options.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(live.status).toBe('online');
  });

  it('counts a vote, one per participant per card, changeable until the card closes', async () => {
    const { live, phone } = await roomWithPhone();
    phone.vote('c1', 'a');
    await waitFor(() => live.count('c1', ['a', 'b', 'c']).voted === 1, 'the vote');
    expect(live.count('c1', ['a', 'b', 'c']).byTeam).toEqual({ t1: { a: 1 } });
    // A second vote on the same card replaces the first: still one ballot.
    phone.vote('c1', 'c');
    await waitFor(() => live.count('c1', ['a', 'b', 'c']).tally.c === 1, 'the changed vote');
    expect(live.count('c1', ['a', 'b', 'c'])).toMatchObject({ voted: 1, tally: { a: 0, b: 0, c: 1 } });
    // The counts for the audience follow (sent at most every 250 ms).
    await waitFor(() => readRoom(live.room).voted === 1 && readRoom(live.room).joined === 1, 'the counts in the room');
  });

  it('refuses a vote on a closed card', async () => {
    const { live, phone } = await roomWithPhone();
    live.publish({ card: { id: 'c1', state: 'closed', options: ['a', 'b', 'c'], timerEndsAt: null, timerSeconds: null } });
    await waitFor(() => readRoom(phone.doc).card?.state === 'closed', 'the phone to see the card closed');
    phone.vote('c1', 'a');
    await waitFor(() => phone.state.lastRefusal !== null, 'the refusal');
    expect(phone.state.lastRefusal?.reason).toBe('card-closed');
    expect(phone.logs.join('\n')).toContain('card-closed');
    expect(live.count('c1', ['a', 'b', 'c']).voted).toBe(0);
    openCard(live, 'c2');
    await expectRoomIntact(live, 'c2');
  });

  it('refuses an option the card does not have', async () => {
    const { live, phone } = await roomWithPhone();
    phone.vote('c1', 'z');
    await waitFor(() => phone.state.lastRefusal !== null, 'the refusal');
    expect(phone.state.lastRefusal?.reason).toBe('unknown-option');
    expect(live.count('c1', ['a', 'b', 'c']).voted).toBe(0);
    await expectRoomIntact(live);
  });

  it('counts the same vote sent twice once, and refuses its id reused for another option', async () => {
    const { live, phone } = await roomWithPhone();
    phone.vote('c1', 'a');
    await waitFor(() => phone.state.votes.c1?.counted === true, 'the vote to be acknowledged');
    const { voteId } = phone.state.votes.c1!;
    phone.sendRaw(JSON.stringify({ type: 'vote', card: 'c1', option: 'a', voteId }));
    phone.sendRaw(JSON.stringify({ type: 'vote', card: 'c1', option: 'b', voteId }));
    await waitFor(() => phone.state.lastRefusal !== null, 'the refusal');
    expect(phone.state.lastRefusal).toEqual({ ref: voteId, reason: 'vote-id-reused' });
    expect(live.count('c1', ['a', 'b', 'c'])).toMatchObject({ voted: 1, tally: { a: 1, b: 0, c: 0 } });
    await expectRoomIntact(live);
  });

  it('refuses votes before a join, unknown teams and long nicknames', async () => {
    const live = track(await openConsole(server.url));
    openCard(live);
    const phone = track(await openPhone(server.url, live.options.code));
    phone.sendRaw(JSON.stringify({ type: 'vote', card: 'c1', option: 'a', voteId: 'x'.repeat(22) }));
    await waitFor(() => phone.state.lastRefusal?.reason === 'not-joined', 'not-joined');
    phone.join('t9', '');
    await waitFor(() => phone.state.lastRefusal?.reason === 'unknown-team', 'unknown-team');
    phone.join('t1', 'x'.repeat(31));
    await waitFor(() => phone.state.lastRefusal?.reason === 'nickname-too-long', 'nickname-too-long');
    expect(live.participants()).toEqual([]);
    await expectRoomIntact(live);
  });

  it('ignores a read-only phone writing to the document itself', async () => {
    const { live, phone } = await roomWithPhone();
    phone.doc.transact(() => {
      roomMap(phone.doc).set('phase', JSON.stringify('ended'));
      phone.doc.getMap('ballots').set('c1|forged', JSON.stringify({ card: 'c1', option: 'a' }));
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(readRoom(live.room).phase).toBe('card');
    expect(live.count('c1', ['a', 'b', 'c']).voted).toBe(0);
    const fresh = track(await openPhone(server.url, live.options.code));
    await waitFor(() => readRoom(fresh.doc).card?.id === 'c1', 'a fresh phone to sync');
    expect(readRoom(fresh.doc).phase).toBe('card');
    await expectRoomIntact(live);
  });

  it('refuses a forged token, and the ballots to anyone without the token', async () => {
    const live = track(await openConsole(server.url));
    openCard(live);
    const forged = track(await openConsole(server.url, { code: live.options.code, token: Buffer.alloc(32, 7).toString('base64url') }));
    expect(forged.status).toBe('refused');
    expect(forged.refusedBecause).toBe('forged-token');

    const reasons: string[] = [];
    const socket = new HocuspocusProviderWebsocket({ url: server.url.replace('http', 'ws'), WebSocketPolyfill: WebSocket });
    const snoop = new HocuspocusProvider({ websocketProvider: socket, name: ballotsDocName(live.options.code), document: new Y.Doc(), token: null, awareness: null, onAuthenticationFailed: ({ reason }) => reasons.push(reason) });
    snoop.attach();
    track({ destroy: () => (snoop.destroy(), socket.destroy()) });
    await waitFor(() => reasons.length > 0, 'the ballots to be refused');
    expect(reasons[0]).toBe('facilitator-only');
    expect(snoop.document.getMap('ballots').size).toBe(0);
    await expectRoomIntact(live);
  });

  it('refuses an oversized message with a reason, and closes a connection sending an oversized frame', async () => {
    const { live, phone } = await roomWithPhone();
    phone.sendRaw(JSON.stringify({ type: 'idea', ideaId: 'y'.repeat(22), text: 'x'.repeat(5_000) }));
    await waitFor(() => phone.state.lastRefusal !== null, 'the refusal');
    expect(phone.state.lastRefusal?.reason).toBe('too-large');
    phone.sendRaw('x'.repeat(100 * 1024));
    await waitFor(() => phone.state.status === 'offline' || !phone.state.joined, 'the connection to close');
    await expectRoomIntact(live);
  });

  it('refuses a flood of messages and then closes that connection; the room carries on', async () => {
    const { live, phone } = await roomWithPhone();
    const refusals: string[] = [];
    const statuses: string[] = [];
    phone.subscribe((s) => {
      if (s.lastRefusal) refusals.push(s.lastRefusal.reason);
      statuses.push(s.status);
    });
    const send = (i: number) => phone.sendRaw(JSON.stringify({ type: 'vote', card: 'c1', option: 'a', voteId: `flood${String(i).padStart(20, '0')}` }));
    // Faster than a person votes: refused with a reason, the connection stays.
    for (let i = 0; i < 20; i++) send(i);
    await waitFor(() => refusals.includes('rate-limited'), 'rate-limited refusals');
    expect(statuses).not.toContain('offline');
    // Hundreds at once: a flood, and that connection is cut.
    for (let i = 20; i < 420; i++) send(i);
    await waitFor(() => statuses.includes('offline'), 'the flooding connection to close');
    expect(live.count('c1', ['a', 'b', 'c']).voted).toBe(1);
    await expectRoomIntact(live);
  });

  it('refuses an idea outside the debrief, takes it in the debrief, limits its length', async () => {
    const { live, phone } = await roomWithPhone();
    phone.idea('Avataan valmistelu');
    await waitFor(() => phone.state.lastRefusal?.reason === 'not-debrief', 'not-debrief');
    live.publish({ phase: 'debrief', card: null });
    await waitFor(() => readRoom(phone.doc).phase === 'debrief', 'the debrief');
    phone.idea('x'.repeat(281));
    await waitFor(() => phone.state.lastRefusal?.reason === 'idea-too-long', 'idea-too-long');
    phone.idea('  Avataan valmistelu ajoissa  ');
    await waitFor(() => live.ideas().length === 1, 'the idea');
    expect(live.ideas()[0]).toMatchObject({ text: 'Avataan valmistelu ajoissa', nickname: 'Maija', team: 't1' });
  });

  it('refuses a join to an expired room and deletes its data', async () => {
    await server.close();
    server = await startServer({ roomLifetimeMs: 600 });
    const live = track(await openConsole(server.url));
    openCard(live);
    const phone = track(await openPhone(server.url, live.options.code));
    phone.join(null, '');
    phone.vote('c1', 'a');
    await waitFor(() => live.count('c1', ['a']).voted === 1, 'the vote');
    // Nobody does anything for the room's lifetime: the server closes it, with everybody still connected.
    await waitFor(() => live.status === 'refused', 'the room to expire', 5_000);
    expect(live.refusedBecause).toBe('room-expired');
    await waitFor(() => server.server.hocuspocus.documents.size === 0, 'the documents to be deleted');
    expect(await server.registry.get(live.options.code)).toBeNull();
    const late = track(await openPhone(server.url, live.options.code));
    expect(late.state).toMatchObject({ status: 'refused', refusedBecause: 'room-expired' });
  });

  it('refuses an unknown code', async () => {
    const phone = track(await openPhone(server.url, 'AAAAAAAA'));
    expect(phone.state).toMatchObject({ status: 'refused', refusedBecause: 'room-not-found' });
  });
});
