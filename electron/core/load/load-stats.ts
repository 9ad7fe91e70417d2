// A load run's figures: totals for the summary, and one point per second for the chart. Memory is fixed whatever
// the rate: counters, one log histogram of round trips for the run and one for the second in progress (the same
// histogram the trace's statistics use: percentiles within ±2 %), and at most an hour of closed points.
import { MAX_LOAD_POINTS, type LoadCount, type LoadPoint, type RttSummary } from '../../../shared/contract';
import { RttHistogram } from '../trace/rtt-histogram';

interface OpenSecond {
  submits: number;
  responses: number;
  receipts: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  latency: RttHistogram;
}

const fresh = (): OpenSecond => ({ submits: 0, responses: 0, receipts: 0, errors: 0, errorsByStatus: {}, latency: new RttHistogram() });

export class LoadStats {
  sent = 0;
  accepted = 0;
  failed = 0;
  receipts = 0;
  private readonly points: LoadPoint[] = [];
  private open = fresh();
  private openSecond = 0;
  private sealed = false;
  private readonly failedBy = new Map<string, number>();
  private readonly receiptsBy = new Map<string, number>();
  private readonly latency = new RttHistogram();

  /** `startedAt` and `now` on one monotonic clock (performance.now()). */
  constructor(
    private readonly startedAt: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  submitted(): void {
    this.sent += 1;
    this.current().submits += 1;
  }

  /** A submit's outcome: accepted, or failed with its status name (or why no response came). */
  answered(failedWith: string | null): void {
    const second = this.current();
    second.responses += 1;
    if (failedWith === null) {
      this.accepted += 1;
      return;
    }
    this.failed += 1;
    second.errors += 1;
    second.errorsByStatus[failedWith] = (second.errorsByStatus[failedWith] ?? 0) + 1;
    this.failedBy.set(failedWith, (this.failedBy.get(failedWith) ?? 0) + 1);
  }

  receipt(stat: string): void {
    this.receipts += 1;
    this.current().receipts += 1;
    this.receiptsBy.set(stat, (this.receiptsBy.get(stat) ?? 0) + 1);
  }

  roundTrip(ms: number): void {
    this.latency.add(ms);
    this.current().latency.add(ms);
  }

  /** Closes the seconds that have passed (called a few times a second, so the chart moves when nothing happens). */
  tick(): void {
    this.current();
  }

  /** The run is over: the second in progress closes as it is (a partial second, so a lower last point). */
  seal(): void {
    if (this.sealed) return;
    this.current();
    this.closeOpen();
    this.sealed = true;
  }

  /** Closed points, oldest first; the newest `limit` when given. */
  pointsView(limit?: number): LoadPoint[] {
    return limit === undefined ? [...this.points] : this.points.slice(-limit);
  }

  get latencySummary(): RttSummary | null {
    return this.latency.summary();
  }

  get failedByStatus(): LoadCount[] {
    return countsOf(this.failedBy);
  }

  get receiptsByStat(): LoadCount[] {
    return countsOf(this.receiptsBy);
  }

  /** The second in progress, after closing any that have passed (empty seconds become zero points). */
  private current(): OpenSecond {
    if (this.sealed) return this.open; // counted in the totals; the chart has ended
    const second = Math.floor((this.now() - this.startedAt) / 1000);
    if (second > this.openSecond) {
      this.closeOpen();
      // A long quiet spell (receipts that never came) fills at most the points kept, not every second of it.
      for (let gap = Math.max(this.openSecond + 1, second - MAX_LOAD_POINTS); gap < second; gap += 1) this.push(emptyPoint(gap));
      this.openSecond = second;
    }
    return this.open;
  }

  private closeOpen(): void {
    const o = this.open;
    const rtt = o.latency.summary();
    this.push({
      second: this.openSecond, submits: o.submits, responses: o.responses, receipts: o.receipts, errors: o.errors,
      errorsByStatus: o.errorsByStatus, p50: rtt?.p50 ?? null, p95: rtt?.p95 ?? null, p99: rtt?.p99 ?? null,
    });
    this.open = fresh();
  }

  private push(point: LoadPoint): void {
    this.points.push(point);
    if (this.points.length > MAX_LOAD_POINTS) this.points.splice(0, this.points.length - MAX_LOAD_POINTS);
  }
}

function emptyPoint(second: number): LoadPoint {
  return { second, submits: 0, responses: 0, receipts: 0, errors: 0, errorsByStatus: {}, p50: null, p95: null, p99: null };
}

/** Largest first, then by name, so the summary reads the same way each time. */
function countsOf(map: Map<string, number>): LoadCount[] {
  return [...map].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
