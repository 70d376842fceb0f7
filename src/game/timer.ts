/** A countdown that can be started, paused and given more time; pure, so it can be stored. */
export interface Countdown {
  /** Time left when it was last paused or changed. */
  remainingMs: number;
  /** When it was started, if it is running (ms since epoch). */
  runningSince: number | null;
}

export const countdown = (seconds: number): Countdown => ({ remainingMs: seconds * 1000, runningSince: null });

export function remaining(c: Countdown, now = Date.now()): number {
  return Math.max(0, c.remainingMs - (c.runningSince === null ? 0 : now - c.runningSince));
}

export const startCountdown = (c: Countdown, now = Date.now()): Countdown => (c.runningSince === null ? { ...c, runningSince: now } : c);
export const pauseCountdown = (c: Countdown, now = Date.now()): Countdown => ({ remainingMs: remaining(c, now), runningSince: null });
export const addTime = (c: Countdown, seconds: number, now = Date.now()): Countdown => ({
  remainingMs: remaining(c, now) + seconds * 1000,
  runningSince: c.runningSince === null ? null : now,
});

/** m:ss */
export function clock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Whether to announce the time left: every full minute, then at 30 and 10 seconds, and at zero. */
export function worthAnnouncing(previousMs: number, nowMs: number): boolean {
  const marks = [0, 10_000, 30_000, ...Array.from({ length: 60 }, (_, i) => (i + 1) * 60_000)];
  return marks.some((m) => previousMs > m && nowMs <= m);
}
