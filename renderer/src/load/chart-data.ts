// What the load chart draws, as uPlot takes it: one x array (seconds since the run started) and one array per
// series, the same length. Rates on the left scale; latency percentiles on the right; one series per error status
// seen so far in the run (the set only grows, so a series never changes meaning while the chart lives).
import type { LoadPoint } from '../../../shared/contract';

/** x (seconds), then one column per series: uPlot's AlignedData shape. */
export type ChartColumns = [number[], ...Array<Array<number | null>>];

/** The series after x, in order: each with its label, the scale it reads against and the theme colour it takes. */
export interface ChartSeries {
  label: string;
  scale: 'rate' | 'ms';
  colour: string;
  dash?: number[];
}

const FIXED: ChartSeries[] = [
  { label: 'submits/s', scale: 'rate', colour: '--dir-out' },
  { label: 'responses/s', scale: 'rate', colour: '--tone-ok' },
  { label: 'receipts/s', scale: 'rate', colour: '--dir-in' },
];
const LATENCY: ChartSeries[] = [
  { label: 'p50 ms', scale: 'ms', colour: '--session-5' },
  { label: 'p95 ms', scale: 'ms', colour: '--session-4' },
  { label: 'p99 ms', scale: 'ms', colour: '--session-2' },
];
/** Error statuses are told apart by dash as well as colour, so they read without colour too. */
const ERROR_DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3]];

/** Every status that failed a submit in these points, in the order first seen. */
export function errorStatusesOf(points: readonly LoadPoint[]): string[] {
  const seen = new Set<string>();
  for (const point of points) for (const status of Object.keys(point.errorsByStatus)) seen.add(status);
  return [...seen];
}

export function chartSeries(statuses: readonly string[]): ChartSeries[] {
  const errors = statuses.map((status, i) => ({ label: `${status}/s`, scale: 'rate' as const, colour: '--tone-error', dash: ERROR_DASHES[i % ERROR_DASHES.length]! }));
  return [...FIXED, ...errors, ...LATENCY];
}

export function chartColumns(points: readonly LoadPoint[], statuses: readonly string[]): ChartColumns {
  return [
    points.map((p) => p.second),
    points.map((p) => p.submits),
    points.map((p) => p.responses),
    points.map((p) => p.receipts),
    ...statuses.map((status) => points.map((p) => p.errorsByStatus[status] ?? 0)),
    points.map((p) => p.p50),
    points.map((p) => p.p95),
    points.map((p) => p.p99),
  ];
}

/** The newest second in words: what the canvas shows, for a screen reader (and anyone reading rather than looking). */
export function latestLine(points: readonly LoadPoint[]): string {
  const last = points.at(-1);
  if (!last) return 'No second has completed yet.';
  const ms = (value: number | null) => (value === null ? '–' : `${value} ms`);
  return (
    `Second ${last.second + 1}: ${last.submits} submits/s, ${last.responses} responses/s, ${last.receipts} receipts/s, ` +
    `${last.errors} errors; submit_sm_resp p50 ${ms(last.p50)}, p95 ${ms(last.p95)}, p99 ${ms(last.p99)}.`
  );
}
