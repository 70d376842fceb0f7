/**
 * Live rooms when the network is not kind: a phone offline while voting, a server restarted
 * mid-card, and two server instances sharing rooms through Redis. Real servers, real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRoom, writeRoom } from '../../src/live/room-doc.ts';
import { memoryStore } from '../../src/live/participant-client.ts';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { LiveConsole, createRoom } from '../../src/live/console-client.ts';
import { websocketUrl } from '../../src/live/server-url.ts';
import type { RunningWorkshopServer } from '../../src/workshop-server/server.ts';
import { freePort, openCard, openConsole, openPhone, startRedis, startServer, waitFor } from './live-helpers.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
const OPTIONS = ['a', 'b', 'c'];

describe('live rooms that survive trouble', () => {
  it('counts a vote cast offline once, when the phone is back, even if it is sent again', async () => {
    const server = await startServer();
    cleanup.push(() => server.close());
    const live = await openConsole(server.url);
    cleanup.push(() => live.destroy());
    openCard(live);
    const store = memoryStore();
    const phone = await openPhone(server.url, live.options.code, store);
    cleanup.push(() => phone.destroy());
    phone.join('t2', '');
    await waitFor(() => phone.state.joined, 'the join');

    const socket = phone.provided.configuration.websocketProvider;
    socket.disconnect();
    await waitFor(() => phone.state.status === 'offline', 'the phone to go offline');
    phone.vote('c1', 'b');
    await new Promise((r) => setTimeout(r, 200));
    expect(live.count('c1', OPTIONS).voted).toBe(0);
    expect(phone.state.votes.c1).toMatchObject({ option: 'b', counted: false });

    void socket.connect();
    await waitFor(() => phone.state.votes.c1?.counted === true, 'the vote to be sent and acknowledged');
    expect(live.count('c1', OPTIONS)).toMatchObject({ voted: 1, tally: { b: 1 }, byTeam: { t2: { b: 1 } } });

    // The acknowledgement was lost (say): the phone sends the same vote again after reconnecting.
    const votes = JSON.parse(store.get(`kohtaamo-live:${live.options.code}:votes`)!);
    votes.c1.counted = false;
    store.set(`kohtaamo-live:${live.options.code}:votes`, JSON.stringify(votes));
    const again = await openPhone(server.url, live.options.code, store);
    cleanup.push(() => again.destroy());
    await waitFor(() => again.state.votes.c1?.counted === true, 'the resend to be acknowledged');
    expect(live.count('c1', OPTIONS).voted).toBe(1);
  });

  it('loses nothing when the server restarts mid-card: the console fills the room again', async () => {
    const port = await freePort();
    let server: RunningWorkshopServer = await startServer({ port });
    cleanup.push(() => server.close());
    const live = await openConsole(server.url);
    cleanup.push(() => live.destroy());
    openCard(live);
    const phones = await Promise.all([0, 1].map(() => openPhone(server.url, live.options.code)));
    for (const p of phones) cleanup.push(() => p.destroy());
    phones[0]!.join('t1', '');
    phones[1]!.join('t2', '');
    phones[0]!.vote('c1', 'a');
    await waitFor(() => live.count('c1', OPTIONS).voted === 1, 'the first vote');

    await server.close();
    await waitFor(() => live.status === 'offline', 'the console to notice');
    server = await startServer({ port });
    await waitFor(() => live.status === 'online', 'the console to reconnect', 15_000);
    await waitFor(() => phones.every((p) => p.state.status === 'online'), 'the phones to reconnect', 15_000);
    phones[1]!.vote('c1', 'c');
    await waitFor(() => live.count('c1', OPTIONS).voted === 2, 'the second vote after the restart', 10_000);
    expect(live.count('c1', OPTIONS).tally).toEqual({ a: 1, b: 0, c: 1 });
    // The restarted server holds the room again as the console had it.
    const fresh = await openPhone(server.url, live.options.code);
    cleanup.push(() => fresh.destroy());
    await waitFor(() => readRoom(fresh.doc).card?.id === 'c1' && readRoom(fresh.doc).voted === 2, 'a new phone to see the room');
    expect(readRoom(fresh.doc)).toMatchObject({ phase: 'card', joined: 2, voted: 2 });
  }, 40_000);

  it('keeps a phone’s join and votes that reach a room before its console has filled it, and counts the last one once it has', async () => {
    // The moment after a restart, or before the console first publishes: the room exists, empty.
    const server = await startServer();
    cleanup.push(() => server.close());
    const credentials = await createRoom(server.url);
    const phone = await openPhone(server.url, credentials.code);
    cleanup.push(() => phone.destroy());
    phone.join('t2', '');
    phone.vote('c1', 'b');
    await new Promise((r) => setTimeout(r, 300));
    expect(phone.state).toMatchObject({ joined: false, lastRefusal: null });
    expect(phone.state.votes.c1).toMatchObject({ option: 'b', counted: false });

    const live = await openConsole(server.url, credentials);
    cleanup.push(() => live.destroy());
    openCard(live);
    // The learner votes again as soon as the card shows, before the phone has joined again.
    await waitFor(() => readRoom(phone.doc).card?.id === 'c1', 'the card on the phone');
    phone.vote('c1', 'a');
    await waitFor(() => phone.state.votes.c1?.counted === true, 'the vote to be retried and counted', 10_000);
    expect(phone.state.joined).toBe(true);
    expect(live.count('c1', OPTIONS)).toMatchObject({ voted: 1, byTeam: { t2: { a: 1 } } });
  });

  it('after a restart, takes a changed vote only once the console has brought its earlier ballots back', async () => {
    const port = await freePort();
    let server: RunningWorkshopServer = await startServer({ port });
    cleanup.push(() => server.close());
    let saved: Uint8Array | null = null;
    const credentials = await createRoom(server.url);
    const first = new LiveConsole({ ...credentials, WebSocketPolyfill: WebSocket, saveBallots: (state) => (saved = state), log: () => undefined });
    await waitFor(() => first.status === 'online', 'the console');
    openCard(first);
    const phone = await openPhone(server.url, credentials.code);
    cleanup.push(() => phone.destroy());
    phone.join('t2', '');
    phone.vote('c1', 'c');
    await waitFor(() => first.count('c1', OPTIONS).voted === 1 && saved !== null, 'the first vote, saved by the console');
    first.destroy(); // the facilitator's laptop sleeps through the restart

    await server.close();
    server = await startServer({ port });
    // The room comes back with its game and card, as a console sends it, but not yet its ballots.
    const roomOnly = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: websocketUrl(server.url), WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: credentials.code, document: roomOnly, token: credentials.token });
    provider.attach();
    cleanup.push(() => (provider.destroy(), socket.destroy()));
    writeRoom(roomOnly, readRoom(first.room));
    await waitFor(() => phone.state.status === 'online', 'the phone to reconnect', 15_000);
    phone.vote('c1', 'a');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(phone.state.votes.c1).toMatchObject({ option: 'a', counted: false });

    const back = new LiveConsole({ ...credentials, WebSocketPolyfill: WebSocket, savedBallots: saved, log: () => undefined });
    cleanup.push(() => back.destroy());
    await waitFor(() => phone.state.votes.c1?.counted === true, 'the changed vote, once the ballots are back', 10_000);
    await waitFor(() => back.count('c1', OPTIONS).tally.a === 1, 'the console to hear it');
    expect(back.count('c1', OPTIONS)).toMatchObject({ voted: 1, tally: { a: 1, b: 0, c: 0 } });
  }, 40_000);

  it('serves one room from two instances through Redis: the console on one, the phones on the other', async () => {
    const redis = await startRedis();
    cleanup.push(() => redis.stop());
    const a = await startServer({ redisUrl: redis.url });
    cleanup.push(() => a.close());
    const b = await startServer({ redisUrl: redis.url });
    cleanup.push(() => b.close());
    const live = await openConsole(a.url);
    cleanup.push(() => live.destroy());
    openCard(live);
    const phones = await Promise.all([0, 1, 2].map(() => openPhone(b.url, live.options.code)));
    for (const p of phones) cleanup.push(() => p.destroy());
    expect(phones.map((p) => p.state.status)).toEqual(['online', 'online', 'online']);
    await waitFor(() => phones.every((p) => readRoom(p.doc).card?.id === 'c1'), 'the phones on B to see the card written on A');
    phones.forEach((p, i) => p.join(i < 2 ? 't1' : 't2', ''));
    phones.forEach((p, i) => p.vote('c1', ['a', 'a', 'b'][i]!));
    await waitFor(() => live.count('c1', OPTIONS).voted === 3, 'the votes from B on the console on A', 10_000);
    expect(live.count('c1', OPTIONS)).toMatchObject({ tally: { a: 2, b: 1, c: 0 }, byTeam: { t1: { a: 2 }, t2: { b: 1 } } });
    // The card closes on A; B refuses a late vote.
    live.publish({ card: { id: 'c1', state: 'closed', options: OPTIONS, timerEndsAt: null, timerSeconds: null } });
    await waitFor(() => readRoom(phones[2]!.doc).card?.state === 'closed', 'B to see the card closed');
    phones[2]!.vote('c1', 'c');
    await waitFor(() => phones[2]!.state.lastRefusal?.reason === 'card-closed', 'the late vote to be refused');
    expect(live.count('c1', OPTIONS).voted).toBe(3);
  }, 40_000);
});
