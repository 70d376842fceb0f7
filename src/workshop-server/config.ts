/** The workshop server's settings, from environment variables (see README, "Live workshops"). */
export interface WorkshopServerConfig {
  port: number;
  /** 127.0.0.1 by default; 0.0.0.0 to let phones on the network in. */
  host: string;
  /** Redis for several instances; null for one instance on its own. */
  redisUrl: string | null;
  /** Browser origins allowed to connect; empty allows any (only for trying it out). */
  allowedOrigins: string[];
  /** A room is deleted this long after its last activity. */
  roomLifetimeMs: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** Largest WebSocket frame in bytes: a bigger one closes that connection, nothing else. */
  maxFrameBytes: number;
  /** Rooms one address may create per hour (a burst of up to 10 of them at once). */
  newRoomsPerHour: number;
  quiet: boolean;
}

export const DEFAULTS: WorkshopServerConfig = {
  port: 8787,
  host: '127.0.0.1',
  redisUrl: null,
  allowedOrigins: [],
  roomLifetimeMs: 12 * 3_600_000,
  trustProxy: false,
  maxFrameBytes: 2 * 1024 * 1024,
  newRoomsPerHour: 60,
  quiet: false,
};

export class ConfigError extends Error {}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): WorkshopServerConfig {
  const number = (name: string, fallback: number, min: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) throw new ConfigError(`${name}=${text}: expected a number of at least ${min}`);
    return value;
  };
  const hours = number('WORKSHOP_ROOM_LIFETIME_HOURS', DEFAULTS.roomLifetimeMs / 3_600_000, 0.001);
  const origins = (env.WORKSHOP_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') continue;
    try {
      if (new URL(origin).origin !== origin) throw new Error();
    } catch {
      throw new ConfigError(`WORKSHOP_ALLOWED_ORIGINS: "${origin}" is not an origin like https://kohtaamo.example.fi`);
    }
  }
  const redisUrl = env.WORKSHOP_REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError(`WORKSHOP_REDIS_URL=${redisUrl}: expected redis://host:port`);
  return {
    port: number('WORKSHOP_PORT', DEFAULTS.port, 0),
    host: env.WORKSHOP_HOST?.trim() || DEFAULTS.host,
    redisUrl,
    allowedOrigins: origins.includes('*') ? [] : origins,
    roomLifetimeMs: Math.round(hours * 3_600_000),
    trustProxy: env.WORKSHOP_TRUST_PROXY === '1' || env.WORKSHOP_TRUST_PROXY === 'true',
    maxFrameBytes: DEFAULTS.maxFrameBytes,
    newRoomsPerHour: number('WORKSHOP_NEW_ROOMS_PER_HOUR', DEFAULTS.newRoomsPerHour, 1),
    quiet: env.WORKSHOP_QUIET === '1',
  };
}
