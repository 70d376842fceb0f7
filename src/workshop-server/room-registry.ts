/**
 * Which rooms exist: code → the hash of the facilitator's token, kept until the room has had no
 * activity for its lifetime. In memory for one instance; in Redis (keys that expire by themselves)
 * when several instances share the rooms. An expired room leaves a tombstone for a day, so its code
 * cannot be taken over by someone who saw it on the projector.
 */
import type { Redis as RedisClient, Cluster } from 'ioredis';

export interface RoomRecord {
  tokenHash: string;
  createdAt: number;
}

export interface RoomRegistry {
  get(code: string): Promise<RoomRecord | null>;
  /** False when the code is taken or was used by a room that expired. */
  create(code: string, record: RoomRecord): Promise<boolean>;
  /** Keeps a room alive for another lifetime from now. */
  touch(code: string): Promise<void>;
  wasExpired(code: string): Promise<boolean>;
  /** Codes whose lifetime is over (memory) or whose key expired (Redis), among the given ones. */
  expired(codes: string[]): Promise<string[]>;
  close(): Promise<void>;
}

const TOMBSTONE_MS = 24 * 3_600_000;

export class MemoryRegistry implements RoomRegistry {
  private readonly rooms = new Map<string, RoomRecord & { expiresAt: number }>();
  private readonly tombstones = new Map<string, number>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private sweep() {
    const now = this.now();
    for (const [code, room] of this.rooms) {
      if (room.expiresAt <= now) {
        this.rooms.delete(code);
        this.tombstones.set(code, now + TOMBSTONE_MS);
      }
    }
    for (const [code, until] of this.tombstones) if (until <= now) this.tombstones.delete(code);
  }

  async get(code: string) {
    this.sweep();
    const room = this.rooms.get(code);
    return room ? { tokenHash: room.tokenHash, createdAt: room.createdAt } : null;
  }

  async create(code: string, record: RoomRecord) {
    this.sweep();
    if (this.rooms.has(code) || this.tombstones.has(code)) return false;
    this.rooms.set(code, { ...record, expiresAt: this.now() + this.lifetimeMs });
    return true;
  }

  async touch(code: string) {
    const room = this.rooms.get(code);
    if (room && room.expiresAt > this.now()) room.expiresAt = this.now() + this.lifetimeMs;
  }

  async wasExpired(code: string) {
    this.sweep();
    return this.tombstones.has(code);
  }

  async expired(codes: string[]) {
    this.sweep();
    return codes.filter((c) => !this.rooms.has(c));
  }

  async close() {}
}

export class RedisRegistry implements RoomRegistry {
  constructor(
    private readonly redis: RedisClient | Cluster,
    private readonly lifetimeMs: number,
    private readonly prefix = 'kohtaamo:room:',
  ) {}

  private key = (code: string) => `${this.prefix}${code}`;
  private tomb = (code: string) => `${this.prefix}expired:${code}`;

  async get(code: string) {
    const text = await this.redis.get(this.key(code));
    return text ? (JSON.parse(text) as RoomRecord) : null;
  }

  async create(code: string, record: RoomRecord) {
    if (await this.redis.exists(this.tomb(code))) return false;
    const done = await this.redis.set(this.key(code), JSON.stringify(record), 'PX', this.lifetimeMs, 'NX');
    if (done) await this.redis.set(this.tomb(code), '1', 'PX', this.lifetimeMs + TOMBSTONE_MS);
    return done === 'OK';
  }

  async touch(code: string) {
    // The tombstone outlives the room by a day whatever its activity.
    await this.redis.pexpire(this.key(code), this.lifetimeMs);
    await this.redis.pexpire(this.tomb(code), this.lifetimeMs + TOMBSTONE_MS);
  }

  async wasExpired(code: string) {
    return (await this.redis.exists(this.key(code))) === 0 && (await this.redis.exists(this.tomb(code))) === 1;
  }

  async expired(codes: string[]) {
    const out: string[] = [];
    for (const code of codes) if ((await this.redis.exists(this.key(code))) === 0) out.push(code);
    return out;
  }

  async close() {}
}
