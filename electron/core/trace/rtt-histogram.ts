// Round-trip times as a log-scale histogram: fixed memory however many responses arrive, percentiles within ±2 %
// (each bucket is 4 % wider than the one before), from 1 µs to beyond a minute.
import type { RttSummary } from '../../../shared/contract';

const GROWTH = 1.04;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 512;

export class RttHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private total = 0;
  private maxMs = 0;

  add(rttMs: number): void {
    const micros = Math.max(1, rttMs * 1000);
    const bucket = Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / LOG_GROWTH));
    this.counts[bucket]! += 1;
    this.total += 1;
    if (rttMs > this.maxMs) this.maxMs = rttMs;
  }

  summary(): RttSummary | null {
    if (this.total === 0) return null;
    return { count: this.total, p50: this.percentile(0.5), p95: this.percentile(0.95), p99: this.percentile(0.99), max: round(this.maxMs) };
  }

  /** The middle of the bucket holding the p-th value, in ms; never above the largest seen. */
  private percentile(p: number): number {
    const rank = Math.ceil(p * this.total);
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
      seen += this.counts[bucket]!;
      if (seen >= rank) return round(Math.min(this.maxMs, GROWTH ** (bucket + 0.5) / 1000));
    }
    return round(this.maxMs);
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
