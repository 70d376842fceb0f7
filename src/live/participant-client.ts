/**
 * A phone in a live room: reads the public room document (read-only) and sends its join, vote and
 * ideas as stateless messages. A vote is kept until the server acknowledges it, so a vote cast
 * offline is sent when the connection is back; its vote id makes a resend count once.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { randomId, readRoom, type ParticipantMessage, type RefusalReason, type RoomView, type ServerReply } from './room-doc';
import { websocketUrl } from './server-url';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const memoryStore = (): KeyValueStore => {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
};

export const browserStore = (): KeyValueStore => ({
  get: (k) => {
    try {
      return localStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k, v) => {
    try {
      localStorage.setItem(k, v);
    } catch {
      // private mode: the vote lives only in memory
    }
  },
  remove: (k) => {
    try {
      localStorage.removeItem(k);
    } catch {
      // as above
    }
  },
});

const NOT_READY_RETRY_MS = 1_000;

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface PendingVote {
  card: string;
  option: string;
  voteId: string;
}

export interface ParticipantState {
  status: ConnectionStatus;
  /** Why the server turned the connection away (room-not-found, room-expired…). */
  refusedBecause: string | null;
  room: RoomView;
  joined: boolean;
  /** This phone's vote per card: sent and counted (`counted`) or waiting to be sent. */
  votes: Record<string, PendingVote & { counted: boolean }>;
  /** The latest message the server refused and why. */
  lastRefusal: { ref: string | null; reason: RefusalReason } | null;
  ideasSent: number;
}

export interface ParticipantOptions {
  serverUrl: string;
  code: string;
  store: KeyValueStore;
  /** Node has no WebSocket before v22: tests and the benchmark pass the `ws` package. */
  WebSocketPolyfill?: unknown;
  log?: (text: string) => void;
}

interface Identity {
  participant: string;
  team: string | null;
  nickname: string;
}

export class LiveParticipant {
  readonly doc = new Y.Doc();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly listeners = new Set<(state: ParticipantState) => void>();
  private readonly key: string;
  private readonly pendingIdeas = new Map<string, string>();
  state: ParticipantState;
  private wasOnline = false;
  private destroyed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private notReadyRetry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ParticipantOptions) {
    this.key = `kohtaamo-live:${options.code}`;
    const votes = JSON.parse(options.store.get(`${this.key}:votes`) ?? '{}') as ParticipantState['votes'];
    this.state = { status: 'connecting', refusedBecause: null, room: readRoom(this.doc), joined: false, votes, lastRefusal: null, ideasSent: 0 };
    this.socket = new HocuspocusProviderWebsocket({
      url: websocketUrl(options.serverUrl),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      maxDelay: 5_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.code,
      document: this.doc,
      awareness: null,
      token: null,
      onAuthenticated: () => {
        this.wasOnline = true;
        this.update({ status: 'online', refusedBecause: null });
        this.flush();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.log(`room refused the connection: ${reason}`);
        if (reason === 'room-not-found' && this.wasOnline && !this.destroyed) {
          // The server restarted and the console has not brought the room back yet: try again soon.
          this.update({ status: 'offline' });
          // A socket authenticates a document once: close it, and the provider reconnects and asks again.
          this.retry = setTimeout(() => this.socket.webSocket?.close(), 1_500);
          return;
        }
        this.update({ status: 'refused', refusedBecause: reason });
        this.socket.disconnect();
      },
      onDisconnect: () => this.wentOffline(),
      onClose: () => this.wentOffline(),
      onStateless: ({ payload }) => this.receive(payload),
    });
    this.provider.attach();
    this.doc.on('update', () => this.update({ room: readRoom(this.doc) }));
  }

  private wentOffline() {
    if (this.state.status !== 'refused' && this.state.status !== 'offline') this.update({ status: 'offline', joined: false });
  }

  private log(text: string) {
    (this.options.log ?? ((t: string) => console.warn(`[live] ${t}`)))(text);
  }

  get identity(): Identity | null {
    const text = this.options.store.get(`${this.key}:identity`);
    return text ? (JSON.parse(text) as Identity) : null;
  }

  subscribe(listener: (state: ParticipantState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<ParticipantState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private send(message: ParticipantMessage) {
    if (this.state.status === 'online') this.provider.sendStateless(JSON.stringify(message));
  }

  /** Joins (or re-joins with another team or nickname). The participant id stays the phone's. */
  join(team: string | null, nickname: string) {
    const identity: Identity = { participant: this.identity?.participant ?? randomId(), team, nickname };
    this.options.store.set(`${this.key}:identity`, JSON.stringify(identity));
    this.flush();
  }

  /** Votes, or changes this phone's vote on the card; kept until the server has it. */
  vote(card: string, option: string) {
    const vote = { card, option, voteId: randomId(), counted: false };
    this.saveVotes({ ...this.state.votes, [card]: vote });
    this.send({ type: 'vote', card, option, voteId: vote.voteId });
  }

  idea(text: string): string {
    const ideaId = randomId();
    this.pendingIdeas.set(ideaId, text);
    this.send({ type: 'idea', ideaId, text });
    return ideaId;
  }

  private saveVotes(votes: ParticipantState['votes']) {
    this.options.store.set(`${this.key}:votes`, JSON.stringify(votes));
    this.update({ votes });
  }

  /** After (re)connecting: join again; everything not yet acknowledged follows the join's ack. */
  private flush() {
    const identity = this.identity;
    if (this.state.status !== 'online' || !identity) return;
    this.send({ type: 'join', ...identity });
  }

  private sendPending() {
    for (const vote of Object.values(this.state.votes)) {
      if (!vote.counted) this.send({ type: 'vote', card: vote.card, option: vote.option, voteId: vote.voteId });
    }
    for (const [ideaId, text] of this.pendingIdeas) this.send({ type: 'idea', ideaId, text });
  }

  private receive(payload: string) {
    let reply: ServerReply;
    try {
      reply = JSON.parse(payload) as ServerReply;
    } catch {
      return;
    }
    if (reply.type === 'ack') {
      if (reply.ref === 'join') {
        this.update({ joined: true });
        this.sendPending();
      }
      const vote = Object.values(this.state.votes).find((v) => v.voteId === reply.ref);
      if (vote) this.saveVotes({ ...this.state.votes, [vote.card]: { ...vote, counted: true } });
      if (this.pendingIdeas.delete(reply.ref)) this.update({ ideasSent: this.state.ideasSent + 1 });
      return;
    }
    if (reply.reason === 'room-not-ready') {
      // Nothing is dropped: the join goes again shortly, and what waits goes after it.
      clearTimeout(this.notReadyRetry);
      this.notReadyRetry = setTimeout(() => this.flush(), NOT_READY_RETRY_MS);
      return;
    }
    // A vote or idea that overtook its join (sent again shortly) waits for the join's ack.
    const waitsForJoin = reply.reason === 'not-joined';
    if (!waitsForJoin) this.log(`the server refused ${reply.ref ?? 'a message'}: ${reply.reason}`);
    // A vote that can no longer count (the card closed while the phone was away) stops waiting.
    const vote = Object.values(this.state.votes).find((v) => v.voteId === reply.ref);
    if (vote && reply.reason !== 'rate-limited' && !waitsForJoin) {
      const { [vote.card]: _, ...rest } = this.state.votes;
      this.saveVotes(rest);
    }
    if (reply.ref && !waitsForJoin) this.pendingIdeas.delete(reply.ref);
    this.update({ lastRefusal: { ref: reply.ref, reason: reply.reason } });
  }

  /** Sends a raw message (tests use it to send what a real phone never would). */
  sendRaw(payload: string) {
    this.provider.sendStateless(payload);
  }

  get provided(): HocuspocusProvider {
    return this.provider;
  }

  destroy() {
    this.destroyed = true;
    clearTimeout(this.retry);
    clearTimeout(this.notReadyRetry);
    this.provider.destroy();
    this.socket.destroy();
    this.listeners.clear();
  }
}
