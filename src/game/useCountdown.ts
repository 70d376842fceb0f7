/** Ticks a countdown once a second for display, announcing the time left at sensible intervals. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../app/announce';
import { t } from '../i18n';
import { clock, countdown, remaining, startCountdown, worthAnnouncing, type Countdown } from './timer';

/** A running display of `c`; calls onExpire once when it reaches zero. `speak`: announce the time left. */
export function useTicking(c: Countdown | null, onExpire?: () => void, speak = true) {
  const [now, setNow] = useState(Date.now());
  const last = useRef<number | null>(null);
  const expired = useRef(false);
  useEffect(() => {
    expired.current = false;
    last.current = null;
    if (!c || c.runningSince === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [c]);
  const left = c ? remaining(c, now) : 0;
  useEffect(() => {
    if (!c) return;
    if (speak && last.current !== null && worthAnnouncing(last.current, left)) announce(t('game.timeLeft', { time: clock(left) }));
    last.current = left;
    if (left === 0 && c.runningSince !== null && !expired.current) {
      expired.current = true;
      onExpire?.();
    }
  });
  return { left, label: clock(left) };
}

/** Solo play: a countdown of `seconds` that starts by itself for each scene (`key`). */
export function useCountdown(seconds: number, key: string, onExpire: () => void) {
  const [c, setC] = useState<Countdown | null>(null);
  useEffect(() => setC(seconds > 0 ? startCountdown(countdown(seconds)) : null), [seconds, key]);
  return useTicking(c, onExpire);
}
