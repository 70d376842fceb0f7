/** Real workshop servers, consoles and phones for the live tests (no mocks: sockets on port 0). */
import WebSocket from 'ws';
import { DEFAULTS, type WorkshopServerConfig } from '../../src/workshop-server/config.ts';
import { startWorkshopServer, type RunningWorkshopServer } from '../../src/workshop-server/server.ts';
import { LiveConsole, createRoom } from '../../src/live/console-client.ts';
import { LiveParticipant, memoryStore, type KeyValueStore } from '../../src/live/participant-client.ts';

export async function startServer(overrides: Partial<WorkshopServerConfig> = {}): Promise<RunningWorkshopServer> {
  return startWorkshopServer({ ...DEFAULTS, port: 0, quiet: true, ...overrides });
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function openConsole(serverUrl: string, extra: { code?: string; token?: string } = {}) {
  const credentials = extra.code && extra.token ? { serverUrl, code: extra.code, token: extra.token } : await createRoom(serverUrl);
  const live = new LiveConsole({ ...credentials, WebSocketPolyfill: WebSocket, log: () => undefined });
  await waitFor(() => live.status === 'online' || live.status === 'refused', 'the console to connect');
  return live;
}

export async function openPhone(serverUrl: string, code: string, store: KeyValueStore = memoryStore()) {
  const logs: string[] = [];
  const phone = new LiveParticipant({ serverUrl, code, store, WebSocketPolyfill: WebSocket, log: (t) => logs.push(t) });
  await waitFor(() => phone.state.status === 'online' || phone.state.status === 'refused', 'the phone to connect');
  return Object.assign(phone, { logs });
}

/** A room with teams and one open card with options a, b, c. */
export function openCard(live: LiveConsole, card = 'c1', options = ['a', 'b', 'c']) {
  live.publish({
    gameId: 'test-game',
    lang: 'fi',
    mode: 'teams',
    teams: [
      { id: 't1', name: 'Punainen' },
      { id: 't2', name: 'Sininen' },
    ],
    phase: 'card',
    card: { id: card, state: 'open', options, timerEndsAt: null, timerSeconds: null },
    reveal: null,
  });
}

/** A free TCP port (for a server that must come back on the same port, and for Redis). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Debian's redis-server on a free port, keeping nothing on disk. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', reject);
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}
