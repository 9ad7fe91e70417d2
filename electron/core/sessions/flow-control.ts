// Flow control helpers: exponential back-off with jitter, and a pacer for the profile's max submit rate.

/**
 * Exponential back-off with "equal jitter": half the step is fixed, half random, so a fleet of consoles that
 * lost the same SMSC does not come back in lock-step, yet no wait is shorter than half the step.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Spaces submits at most `ratePerSecond` apart (0 = no limit); callers await next() before each submit. */
export class SubmitPacer {
  private nextSlot = 0;

  constructor(private readonly ratePerSecond: number) {}

  async next(): Promise<void> {
    if (this.ratePerSecond <= 0) return;
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.ratePerSecond;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
