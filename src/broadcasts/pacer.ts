import { setTimeout as sleep } from "node:timers/promises";

/**
 * Hands out send slots at a steady rate, and holds them all back during a pause (Telegram's 429 retry_after
 * applies to the whole bot, not to one chat). Slots are spaced by exact intervals, so a timer that fires late is
 * made up by the next slots (up to a short burst); after an idle spell sending starts afresh.
 *
 * Hand-written rather than a library: the token-bucket packages on npm (bottleneck, p-throttle, limiter) either
 * have no notion of a global pause that moves every queued slot, or are unmaintained; this is 30 lines.
 */
export class Pacer {
  private next = 0;
  private pausedUntil = 0;
  private readonly interval: number;
  private readonly burst: number;

  constructor(
    ratePerSecond: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.interval = 1000 / ratePerSecond;
    this.burst = Math.max(2 * this.interval, 20);
  }

  /** Resolves when the caller may send. */
  async take(): Promise<void> {
    const now = this.clock();
    // Slots missed by more than the burst allowance (idle time) are not made up: no burst after a quiet spell.
    if (this.next < now - this.burst) this.next = now;
    const slot = Math.max(this.next, this.pausedUntil);
    this.next = slot + this.interval;
    const wait = slot - now;
    if (wait >= 1) await sleep(wait);
  }

  /** No slot before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
  }
}
