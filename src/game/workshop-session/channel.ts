/**
 * The console and the audience window on one computer, through the browser (BroadcastChannel):
 * the console is the only writer and sends the session's view after every change; the audience
 * window only renders what it receives and asks for the current view when it opens.
 */
import type { SessionView } from './machine';

export interface ScreenState {
  view: SessionView;
  /** The session the view belongs to (a new workshop replaces the screen's content). */
  sessionId: string;
}

type Message = { type: 'hello' } | { type: 'state'; state: ScreenState };

const channelName = (gameId: string) => `kohtaamo-workshop-${gameId}`;
const supported = () => typeof BroadcastChannel !== 'undefined';

/** The console side: publishes every state, and answers an audience window that says hello. */
export function consoleChannel(gameId: string, current: () => ScreenState | null) {
  if (!supported()) return { publish: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(channelName(gameId));
  channel.onmessage = (e: MessageEvent<Message>) => {
    const state = current();
    if (e.data?.type === 'hello' && state) channel.postMessage({ type: 'state', state } satisfies Message);
  };
  return {
    publish: (state: ScreenState) => channel.postMessage({ type: 'state', state } satisfies Message),
    close: () => channel.close(),
  };
}

/** The audience side: follows the console; never sends anything but hello. */
export function followConsole(gameId: string, onState: (state: ScreenState) => void): () => void {
  if (!supported()) return () => undefined;
  const channel = new BroadcastChannel(channelName(gameId));
  channel.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.type === 'state') onState(e.data.state);
  };
  channel.postMessage({ type: 'hello' } satisfies Message);
  return () => channel.close();
}
