/** A token bucket: `burst` messages at once, refilled at `perSecond`. One per connection or address. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Buckets by key (an address), forgotten after an idle hour so the map cannot grow without end. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; used: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(key: string, now = Date.now()): boolean {
    if (this.buckets.size > 10_000) {
      for (const [k, v] of this.buckets) if (now - v.used > 3_600_000) this.buckets.delete(k);
    }
    let entry = this.buckets.get(key);
    if (!entry) this.buckets.set(key, (entry = { bucket: new TokenBucket(this.burst, this.perSecond, now), used: now }));
    entry.used = now;
    return entry.bucket.take(now);
  }
}
