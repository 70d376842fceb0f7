/**
 * The console's live room, told to the audience window (and the console's own stage) through the
 * browser: join code, address, QR code (as SVG made on the console) and the counts. Carries no
 * votes: who voted what never leaves the console.
 */
export interface JoinInfo {
  code: string;
  joinUrl: string;
  qrSvg: string;
  joined: number;
  voted: number;
}

type Message = { type: 'hello' } | { type: 'join'; info: JoinInfo | null };
const name = (gameId: string) => `kohtaamo-live-${gameId}`;
const supported = () => typeof BroadcastChannel !== 'undefined';

export function announceJoinInfo(gameId: string, current: () => JoinInfo | null) {
  if (!supported()) return { publish: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name(gameId));
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.type === 'hello') channel.postMessage({ type: 'join', info: current() } satisfies Message);
  };
  return {
    publish: (info: JoinInfo | null) => channel.postMessage({ type: 'join', info } satisfies Message),
    close: () => channel.close(),
  };
}

export function followJoinInfo(gameId: string, onInfo: (info: JoinInfo | null) => void): () => void {
  if (!supported()) return () => undefined;
  const channel = new BroadcastChannel(name(gameId));
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.type === 'join') onInfo(e.data.info);
  };
  channel.postMessage({ type: 'hello' } satisfies Message);
  return () => channel.close();
}
