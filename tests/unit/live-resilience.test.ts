/**
 * Live rooms when the network is not kind: a phone offline while voting, a server restarted
 * mid-card, and two server instances sharing rooms through Redis. Real servers, real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readRoom } from '../../src/live/room-doc.ts';
import { memoryStore } from '../../src/live/participant-client.ts';
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
