/**
 * The live workshop server: Hocuspocus rooms (one public document and one ballot document per
 * room), the facilitator's token, read-only phones whose votes and ideas arrive as stateless
 * messages that this server checks and writes itself, limits per connection, and rooms that
 * expire. With a Redis URL several instances serve the same rooms.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Y from 'yjs';
import { Server, type Connection, type Document, type Extension } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { isJoinCode, newJoinCode } from '../live/join-code.ts';
import {
  BALLOTS_SUFFIX,
  ballotKey,
  ballotsDocName,
  ballotsMap,
  ideasMap,
  participantsMap,
  readRoom,
  holdsConsoleBallots,
  type Ballot,
  type Idea,
  type Participant,
  type RefusalReason,
  type ServerReply,
} from '../live/room-doc.ts';
import type { WorkshopServerConfig } from './config.ts';
import { decideIdea, decideJoin, decideVote, messageRef, parseMessage } from './participant-rules.ts';
import { KeyedLimiter, TokenBucket } from './rate-limit.ts';
import { MemoryRegistry, RedisRegistry, type RoomRegistry } from './room-registry.ts';

/** Limits per connection and per address. */
export const RATES = {
  /** Stateless messages: a burst of 10, then 3 a second; beyond that a message is refused. */
  stateless: { burst: 10, perSecond: 3 },
  /** Every message from a phone (sync, pings…): beyond 100 at once and 30 a second it is a flood and the connection is closed. */
  flood: { burst: 100, perSecond: 30 },
  /** Joins to a room that does not exist, per address. */
  failedJoins: { burst: 20, perSecond: 20 / 600 },
} as const;

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type Role = 'facilitator' | 'participant';
interface ConnectionState {
  role: Role;
  stateless: TokenBucket;
  flood: TokenBucket;
  /** Set by the phone's join: the hash of its participant id, and what it joined as. */
  voter?: string;
  participant?: Participant;
  flooded?: boolean;
  /** One message at a time per phone, in the order sent (a join before the vote after it). */
  queue: Promise<void>;
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** What a refused connection hears (a plain object: Hocuspocus would log an Error as a server fault). */
function refusal(reason: string): { reason: string } {
  return { reason };
}

/** Room code and whether it is the ballot document, from a document name. */
function splitName(name: string): { code: string; ballots: boolean } {
  return name.endsWith(BALLOTS_SUFFIX) ? { code: name.slice(0, -BALLOTS_SUFFIX.length), ballots: true } : { code: name, ballots: false };
}

/** The message type of a Hocuspocus frame: a var-string (document name), then a var-uint. */
function messageType(frame: Uint8Array): number {
  let pos = 0;
  const uint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = frame[pos++];
      if (byte === undefined) return -1;
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
      shift += 7;
    }
  };
  const length = uint();
  if (length < 0) return -1;
  pos += length;
  return uint();
}
const AWARENESS = 1;
const BROADCAST_STATELESS = 6;

export interface RunningWorkshopServer {
  port: number;
  /** http://host:port */
  url: string;
  registry: RoomRegistry;
  server: Server;
  /** Closes every connection and stops; the data of live rooms goes with it. */
  close(): Promise<void>;
}

export async function startWorkshopServer(config: WorkshopServerConfig): Promise<RunningWorkshopServer> {
  const log = (text: string) => {
    if (!config.quiet) console.log(`[workshop-server] ${text}`);
  };
  const states = new WeakMap<Connection, ConnectionState>();
  const failedJoins = new KeyedLimiter(RATES.failedJoins.burst, RATES.failedJoins.perSecond);
  const newRooms = new KeyedLimiter(Math.min(10, config.newRoomsPerHour), config.newRoomsPerHour / 3600);
  const ballotConnections = new Map<string, Promise<Awaited<ReturnType<Server['hocuspocus']['openDirectConnection']>>>>();
  const lastTouch = new Map<string, number>();
  const touchEvery = Math.min(5_000, config.roomLifetimeMs / 4);

  const extensions: Extension[] = [];
  let redis: RedisExtension | null = null;
  if (config.redisUrl) {
    const url = new URL(config.redisUrl);
    redis = new RedisExtension({
      host: url.hostname,
      port: Number(url.port || 6379),
      options: { password: url.password || undefined, username: url.username || undefined, db: Number(url.pathname.slice(1) || 0), tls: url.protocol === 'rediss:' ? {} : undefined },
      prefix: 'kohtaamo',
    });
    extensions.push(redis);
  }
  const registry: RoomRegistry = redis ? new RedisRegistry(redis.pub, config.roomLifetimeMs) : new MemoryRegistry(config.roomLifetimeMs);

  const clientAddress = (request: IncomingMessage) => {
    const forwarded = config.trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
    return forwarded || request.socket.remoteAddress || 'unknown';
  };
  const originAllowed = (origin: string | undefined) => !origin || config.allowedOrigins.length === 0 || config.allowedOrigins.includes(origin);

  const touch = (code: string) => {
    const now = Date.now();
    if (now - (lastTouch.get(code) ?? 0) < touchEvery) return;
    lastTouch.set(code, now);
    registry.touch(code).catch((error: unknown) => log(`could not keep room alive: ${String(error)}`));
  };

  const ballotsOf = (code: string) => {
    let connection = ballotConnections.get(code);
    if (!connection) {
      connection = server.hocuspocus.openDirectConnection(ballotsDocName(code), { role: 'server' });
      ballotConnections.set(code, connection);
    }
    return connection;
  };

  const reply = (connection: Connection, message: ServerReply) => {
    try {
      connection.sendStateless(JSON.stringify(message));
    } catch {
      // the phone went away; nothing to tell
    }
  };
  const refuse = (connection: Connection, ref: string | null, reason: RefusalReason) => reply(connection, { type: 'refused', ref, reason });

  /**
   * Writes into a ballot document directly: Hocuspocus sends the change to the console (and Redis)
   * at once. DirectConnection.transact would also run the store hooks, which with Redis wait for a
   * lock; this server stores nothing, so there is nothing to wait for.
   */
  const write = (doc: Y.Doc, change: (doc: Y.Doc) => void) => doc.transact(() => change(doc), 'workshop-server');

  async function handleParticipant(connection: Connection, state: ConnectionState, document: Document, payload: string) {
    const parsed = parseMessage(payload);
    if (!parsed.ok) return refuse(connection, null, parsed.reason);
    const message = parsed.value;
    const ref = messageRef(message);
    if (!state.stateless.take()) return refuse(connection, ref, 'rate-limited');
    const { code } = splitName(document.name);
    const room = readRoom(document);
    const now = Date.now();
    const direct = await ballotsOf(code);
    const ballots = direct.document;
    if (!ballots) return refuse(connection, ref, 'room-gone');
    // After a restart the room exists again the moment its console authenticates, but its game,
    // card and earlier ballots arrive a sync later: judged before that, a phone's vote would be lost
    // or overruled by the older ballot. The phone sends it again shortly.
    if (!room.gameId || !holdsConsoleBallots(ballots)) return refuse(connection, ref, 'room-not-ready');

    if (message.type === 'join') {
      const decision = decideJoin(room, message, now);
      if (!decision.ok) return refuse(connection, ref, decision.reason);
      state.voter = hash(message.participant).slice(0, 22);
      state.participant = decision.value;
      write(ballots, (doc) => participantsMap(doc).set(state.voter!, JSON.stringify(decision.value)));
      touch(code);
      return reply(connection, { type: 'ack', ref });
    }
    if (!state.voter || !state.participant) return refuse(connection, ref, 'not-joined');
    const voter = state.voter;

    if (message.type === 'vote') {
      const key = ballotKey(message.card, voter);
      const text = ballotsMap(ballots).get(key);
      const existing = text ? (JSON.parse(text) as Ballot) : null;
      const decision = decideVote(room, message, state.participant, existing, now);
      if (!decision.ok) return refuse(connection, ref, decision.reason);
      if (!decision.duplicate) write(ballots, (doc) => ballotsMap(doc).set(key, JSON.stringify(decision.value)));
      touch(code);
      return reply(connection, { type: 'ack', ref, duplicate: decision.duplicate });
    }

    const ideas = ideasMap(ballots);
    const mine: Idea[] = [];
    for (const [key, value] of ideas.entries()) if (key.startsWith(`${voter}|`)) mine.push(JSON.parse(value) as Idea);
    const decision = decideIdea(room, message, state.participant, mine, now);
    if (!decision.ok) return refuse(connection, ref, decision.reason);
    if (!decision.duplicate) write(ballots, (doc) => ideasMap(doc).set(`${voter}|${message.ideaId}`, JSON.stringify(decision.value)));
    touch(code);
    return reply(connection, { type: 'ack', ref, duplicate: decision.duplicate });
  }

  const server = new Server(
    {
      port: config.port,
      address: config.host,
      quiet: true,
      stopOnSignals: false,
      extensions,

      async onRequest({ request, response }: { request: IncomingMessage; response: ServerResponse }) {
        const origin = request.headers.origin;
        const path = (request.url ?? '/').split('?')[0];
        if (origin && originAllowed(origin)) {
          response.setHeader('Access-Control-Allow-Origin', origin);
          response.setHeader('Vary', 'Origin');
        }
        const send = (status: number, body: unknown) => {
          response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          response.end(JSON.stringify(body));
        };
        if (request.method === 'OPTIONS') {
          response.writeHead(204, { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '600' });
          response.end();
        } else if (path === '/health') {
          send(200, { ok: true, rooms: new Set([...server.hocuspocus.documents.keys()].map((n) => splitName(n).code)).size, connections: server.hocuspocus.getConnectionsCount() });
        } else if (path === '/rooms' && request.method === 'POST') {
          if (!originAllowed(origin)) send(403, { error: 'origin-not-allowed' });
          else if (!newRooms.take(clientAddress(request))) send(429, { error: 'rate-limited' });
          else {
            const token = randomBytes(TOKEN_BYTES).toString('base64url');
            let code = newJoinCode();
            while (!(await registry.create(code, { tokenHash: hash(token), createdAt: Date.now() }))) code = newJoinCode();
            log(`room ${code} created`);
            send(201, { code, token, lifetimeMs: config.roomLifetimeMs });
          }
        } else {
          send(404, { error: 'not-found' });
        }
        // Handled: Hocuspocus skips its own answer when a hook rejects with nothing.
        throw null;
      },

      async onAuthenticate({ documentName, token, request, connectionConfig }) {
        const { code, ballots } = splitName(documentName);
        if (!isJoinCode(code)) throw refusal('room-not-found');
        let record = await registry.get(code);
        if (token) {
          if (!record) {
            // A room this server does not know, with a token: the console re-seeding its room
            // after a restart of a single instance (whose rooms lived in memory).
            if (!TOKEN_PATTERN.test(token)) throw refusal('forged-token');
            if (await registry.wasExpired(code)) throw refusal('room-expired');
            if (!newRooms.take(clientAddress(request))) throw refusal('rate-limited');
            if (await registry.create(code, { tokenHash: hash(token), createdAt: Date.now() })) log(`room ${code} re-seeded by its console`);
            // Created now, or a moment ago by the console's other document: either way, check the token.
            record = await registry.get(code);
          }
          if (!record || !sameHash(hash(token), record.tokenHash)) throw refusal('forged-token');
          return { role: 'facilitator' satisfies Role, code };
        }
        if (ballots) throw refusal('facilitator-only');
        if (!record) {
          if (!failedJoins.take(clientAddress(request))) throw refusal('rate-limited');
          throw refusal((await registry.wasExpired(code)) ? 'room-expired' : 'room-not-found');
        }
        connectionConfig.readOnly = true;
        return { role: 'participant' satisfies Role, code };
      },

      async connected({ connection, context }) {
        states.set(connection, {
          role: (context as { role: Role }).role,
          stateless: new TokenBucket(RATES.stateless.burst, RATES.stateless.perSecond),
          flood: new TokenBucket(RATES.flood.burst, RATES.flood.perSecond),
          queue: Promise.resolve(),
        });
      },

      async beforeHandleMessage({ connection, update }) {
        const state = states.get(connection);
        if (!state || state.role === 'facilitator') return;
        // Frames already in flight from a cut socket are dropped quietly (onStateless skips them).
        if (state.flooded) return;
        if (!state.flood.take()) {
          state.flooded = true;
          connection.webSocket.terminate();
          throw { code: 4429, reason: 'flood' };
        }
        const type = messageType(update);
        // Phones have no presence to share and may not broadcast to the room.
        if (type === AWARENESS || type === BROADCAST_STATELESS) throw { code: 4403, reason: 'not-allowed' };
      },

      async onStateless({ connection, document, payload }) {
        const state = states.get(connection);
        if (!state || state.role !== 'participant' || state.flooded) return;
        state.queue = state.queue.then(() =>
          handleParticipant(connection, state, document, payload).catch((error: unknown) => {
            // Whatever went wrong, the room carries on; the phone hears that its message was not taken.
            log(`message refused after an error: ${String(error)}`);
            refuse(connection, null, 'malformed');
          }),
        );
        await state.queue;
      },

      async onChange({ documentName, context }) {
        if ((context as { role?: string } | undefined)?.role === 'facilitator') touch(splitName(documentName).code);
      },

      async afterUnloadDocument({ documentName }) {
        const { code, ballots } = splitName(documentName);
        if (ballots) return;
        // The public document went (nobody is connected): let the ballot document go too.
        const direct = ballotConnections.get(code);
        ballotConnections.delete(code);
        lastTouch.delete(code);
        if (direct) void direct.then((d) => d.disconnect()).catch(() => undefined);
      },
    },
    {
      maxPayload: config.maxFrameBytes,
      verifyClient: ({ origin }: { origin: string }) => originAllowed(origin || undefined),
    },
  );

  // Expired rooms: close their connections; with nobody connected, Hocuspocus unloads the documents
  // and nothing of the room is left on this server.
  const sweep = setInterval(
    () => {
      const codes = [...new Set([...server.hocuspocus.documents.keys()].map((n) => splitName(n).code))];
      registry
        .expired(codes)
        .then(async (expired) => {
          for (const code of expired) {
            log(`room ${code} expired`);
            const direct = ballotConnections.get(code);
            ballotConnections.delete(code);
            // Close the sockets themselves: the phones and the console reconnect and hear "room-expired".
            for (const name of [code, ballotsDocName(code)]) {
              server.hocuspocus.documents.get(name)?.getConnections().forEach((c) => c.webSocket.close(4410, 'room-expired'));
            }
            if (direct) await (await direct).disconnect();
          }
        })
        .catch((error: unknown) => log(`expiry check failed: ${String(error)}`));
    },
    Math.max(50, Math.min(60_000, config.roomLifetimeMs / 4)),
  );
  sweep.unref();

  await server.listen(config.port);
  const port = (server.httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  log(`listening on ${config.host}:${port}${redis ? ' with Redis' : ''}; rooms expire ${config.roomLifetimeMs / 3_600_000} h after their last activity`);
  if (config.allowedOrigins.length === 0) log('WORKSHOP_ALLOWED_ORIGINS is not set: browsers from any origin may connect');

  return {
    port,
    url,
    registry,
    server,
    async close() {
      clearInterval(sweep);
      // Hocuspocus closes the documents but leaves the sockets open; cut them so clients reconnect elsewhere.
      const closing = server.destroy();
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await closing;
      await registry.close();
    },
  };
}
