/**
 * Live workshop figures for `npm run bench` (also runnable alone: `npx tsx tests/bench/live.ts`):
 * - 300 participants (Node clients of the same provider) in one room on one instance: time from a
 *   vote sent to the console's ballot document showing it, p50 and p95;
 * - 20 rooms of 40 participants on one instance: the server's RSS and CPU time;
 * - two instances through Redis, the phones on one and the console on the other: p50 and p95.
 * The server runs as its own process (its RSS is its own); clients run here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { LiveConsole, createRoom } from '../../src/live/console-client.ts';
import { LiveParticipant, memoryStore } from '../../src/live/participant-client.ts';
import { ballotsMap } from '../../src/live/room-doc.ts';
import { startRedis, waitFor } from '../unit/live-helpers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OPTIONS = ['a', 'b', 'c', 'd'];
const TICK_MS = 1000 / 100; // Linux clock ticks (USER_HZ) for /proc/<pid>/stat

interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function serverProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/workshop-server/main.ts'], {
    cwd: root,
    env: { ...process.env, WORKSHOP_PORT: '0', WORKSHOP_ALLOWED_ORIGINS: '*', WORKSHOP_NEW_ROOMS_PER_HOUR: '100000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('workshop server did not start')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /listening on [^:]+:(\d+)/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

/** RSS in bytes and CPU time in ms of a process, from /proc. */
function usage(pid: number) {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { rssBytes: rssKb * 1024, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** The tsx launcher runs the server in a child process of its own: find the node process that listens. */
function serverPid(server: ServerProcess): number {
  const children = readFileSync(`/proc/${server.child.pid}/task/${server.child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return Number(children[0] ?? server.child.pid);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

interface Room {
  live: LiveConsole;
  phones: LiveParticipant[];
}

async function openRoom(consoleUrl: string, phoneUrl: string, participants: number): Promise<Room> {
  const credentials = await createRoom(consoleUrl);
  const live = new LiveConsole({ ...credentials, WebSocketPolyfill: WebSocket, log: () => undefined });
  await waitFor(() => live.status === 'online', 'the console', 20_000);
  live.publish({ gameId: 'bench', lang: 'fi', mode: 'tally', teams: [], phase: 'card', card: { id: 'c1', state: 'open', options: OPTIONS, timerEndsAt: null, timerSeconds: null }, reveal: null });
  const phones: LiveParticipant[] = [];
  // Phones arrive over a few seconds, as a room scanning a QR code does.
  for (let i = 0; i < participants; i++) {
    const phone = new LiveParticipant({ serverUrl: phoneUrl, code: credentials.code, store: memoryStore(), WebSocketPolyfill: WebSocket, log: () => undefined });
    phone.join(null, '');
    phones.push(phone);
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 50));
  }
  await waitFor(() => phones.every((p) => p.state.joined), `${participants} phones to join`, 60_000);
  await waitFor(() => live.participants().length === participants, 'the console to see every join', 30_000);
  return { live, phones };
}

/** Every phone votes once, spread over `spreadMs`; latency = vote sent → the console's document has it. */
async function voteLatencies(room: Room, spreadMs: number): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const map = ballotsMap(room.live.ballots);
  const observer = (event: { keysChanged: Set<string> }) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      const value = map.get(key);
      if (!value) continue;
      const { voteId } = JSON.parse(value) as { voteId: string };
      const sent = sentAt.get(voteId);
      if (sent !== undefined) {
        latencies.push(now - sent);
        sentAt.delete(voteId);
      }
    }
  };
  map.observe(observer);
  const start = performance.now();
  await Promise.all(
    room.phones.map(async (phone, i) => {
      await new Promise((r) => setTimeout(r, (i / room.phones.length) * spreadMs));
      phone.vote('c1', OPTIONS[i % OPTIONS.length]!);
      sentAt.set(phone.state.votes.c1!.voteId, performance.now());
    }),
  );
  await waitFor(() => latencies.length === room.phones.length, 'every vote on the console', 30_000);
  map.unobserve(observer);
  void start;
  return latencies;
}

function closeRoom(room: Room) {
  for (const phone of room.phones) phone.destroy();
  room.live.destroy();
}

export async function benchLive(log: (text: string) => void = (t) => process.stderr.write(`${t}\n`)) {
  log('Live: 300 phones in one room…');
  const one = await serverProcess();
  let single: { p50Ms: number; p95Ms: number; votes: number };
  try {
    const room = await openRoom(one.url, one.url, 300);
    const latencies = await voteLatencies(room, 3_000);
    single = { p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), votes: latencies.length };
    closeRoom(room);
  } finally {
    await one.stop();
  }

  log('Live: 20 rooms of 40 phones on one instance…');
  const many = await serverProcess();
  let rooms: { rssBytes: number; cpuMs: number; idleRssBytes: number; p95Ms: number };
  try {
    const pid = serverPid(many);
    const idle = usage(pid);
    const list: Room[] = [];
    for (let i = 0; i < 20; i++) list.push(await openRoom(many.url, many.url, 40));
    const latencies = (await Promise.all(list.map((room) => voteLatencies(room, 3_000)))).flat();
    const after = usage(pid);
    rooms = { rssBytes: after.rssBytes, cpuMs: round(after.cpuMs - idle.cpuMs), idleRssBytes: idle.rssBytes, p95Ms: round(percentile(latencies, 95)) };
    list.forEach(closeRoom);
  } finally {
    await many.stop();
  }

  log('Live: two instances through Redis, 300 phones on one, the console on the other…');
  const redis = await startRedis();
  const a = await serverProcess({ WORKSHOP_REDIS_URL: redis.url });
  const b = await serverProcess({ WORKSHOP_REDIS_URL: redis.url });
  let twoInstances: { p50Ms: number; p95Ms: number; votes: number };
  try {
    const room = await openRoom(a.url, b.url, 300);
    const latencies = await voteLatencies(room, 3_000);
    twoInstances = { p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), votes: latencies.length };
    closeRoom(room);
  } finally {
    await a.stop();
    await b.stop();
    await redis.stop();
  }
  return { oneRoom300: single, rooms20x40: rooms, redisTwoInstances300: twoInstances };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchLive()
    .then((figures) => {
      console.log(JSON.stringify(figures, null, 2));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
