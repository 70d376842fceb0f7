/**
 * The facilitator's side of a live room: creates the room, holds its token, writes the public room
 * document from the local workshop session and reads the ballots the server writes. The local
 * session (IndexedDB) stays the source of truth: the ballots are saved locally as they arrive, and
 * after a server restart the console's documents fill the room again when the connection is back.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  ballotsDocName,
  countCard,
  markConsoleBallots,
  readBallots,
  readIdeas,
  readParticipants,
  readRoom,
  writeRoom,
  type CardCount,
  type Idea,
  type Participant,
  type RoomView,
} from './room-doc';
import { websocketUrl } from './server-url';

export interface RoomCredentials {
  serverUrl: string;
  code: string;
  /** The facilitator's secret: 256 random bits made by the server, never shown. */
  token: string;
}

export class RoomCreationError extends Error {
  constructor(readonly reason: string) {
    super(`The workshop server did not create a room: ${reason}`);
  }
}

/** Asks the server for a new room: its join code and the facilitator's token. */
export async function createRoom(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<RoomCredentials> {
  let response: Response;
  try {
    response = await fetchImpl(`${serverUrl}/rooms`, { method: 'POST' });
  } catch {
    throw new RoomCreationError('unreachable');
  }
  const body = (await response.json().catch(() => ({}))) as { code?: string; token?: string; error?: string };
  if (!response.ok || !body.code || !body.token) throw new RoomCreationError(body.error ?? `http-${response.status}`);
  return { serverUrl, code: body.code, token: body.token };
}

const COUNTS_EVERY_MS = 250;

export type ConsoleStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface ConsoleOptions extends RoomCredentials {
  /** The ballot document as last saved locally (Y.encodeStateAsUpdate), to restore after a reload. */
  savedBallots?: Uint8Array | null;
  /** Called with the ballot document's state whenever it changes: save it locally. */
  saveBallots?: (state: Uint8Array) => void;
  WebSocketPolyfill?: unknown;
  log?: (text: string) => void;
}

export class LiveConsole {
  readonly room = new Y.Doc();
  readonly ballots = new Y.Doc();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers: HocuspocusProvider[];
  private readonly listeners = new Set<() => void>();
  status: ConsoleStatus = 'connecting';
  refusedBecause: string | null = null;

  constructor(readonly options: ConsoleOptions) {
    if (options.savedBallots) Y.applyUpdate(this.ballots, options.savedBallots);
    markConsoleBallots(this.ballots);
    this.socket = new HocuspocusProviderWebsocket({
      url: websocketUrl(options.serverUrl),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      maxDelay: 5_000,
    });
    const provider = (name: string, document: Y.Doc) => {
      const p = new HocuspocusProvider({
        websocketProvider: this.socket,
        name,
        document,
        awareness: null,
        token: options.token,
        onAuthenticated: () => this.setStatus('online'),
        onAuthenticationFailed: ({ reason }) => {
          this.refusedBecause = reason;
          (options.log ?? console.warn)(`[live] the workshop server refused the console: ${reason}`);
          this.setStatus('refused');
        },
        onDisconnect: () => this.status !== 'refused' && this.setStatus('offline'),
        onClose: () => this.status !== 'refused' && this.setStatus('offline'),
      });
      // Both documents share one socket; a provider on a shared socket is attached by hand.
      p.attach();
      return p;
    };
    this.providers = [provider(options.code, this.room), provider(ballotsDocName(options.code), this.ballots)];
    this.ballots.on('update', () => {
      options.saveBallots?.(Y.encodeStateAsUpdate(this.ballots));
      this.scheduleCounts();
      this.notify();
    });
    this.room.on('update', () => this.notify());
  }

  private setStatus(status: ConsoleStatus) {
    if (this.status === status) return;
    this.status = status;
    this.notify();
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }

  /** Called on every change of the room, its ballots or the connection. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Writes the room from the local session: the game, teams, phase, card, timer and reveal.
   * Call it after every session event; unchanged values are not sent again.
   */
  publish(view: Partial<Omit<RoomView, 'joined' | 'voted'>>) {
    writeRoom(this.room, view);
    this.refreshCounts();
  }

  private countsTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Counts go out at most every COUNTS_EVERY_MS: every change of the public document reaches every
   * phone, and 300 votes in three seconds must not become 300 × 300 messages.
   */
  private scheduleCounts() {
    this.countsTimer ??= setTimeout(() => {
      this.countsTimer = undefined;
      this.refreshCounts();
    }, COUNTS_EVERY_MS);
  }

  /** Joined and voted counts for the audience (numbers only: who voted what stays here). */
  private refreshCounts() {
    const room = readRoom(this.room);
    const voted = room.card ? this.count(room.card.id, room.card.options).voted : 0;
    writeRoom(this.room, { joined: readParticipants(this.ballots).length, voted });
  }

  get view(): RoomView {
    return readRoom(this.room);
  }

  count(card: string, options: string[]): CardCount {
    return countCard(readBallots(this.ballots, card), options);
  }

  participants(): Participant[] {
    return readParticipants(this.ballots);
  }

  ideas(): Idea[] {
    return readIdeas(this.ballots);
  }

  destroy() {
    clearTimeout(this.countsTimer);
    for (const p of this.providers) p.destroy();
    this.socket.destroy();
    this.listeners.clear();
  }
}
