// A load run written out for a report: JSON with everything (the run as the host last told it, and every per-second
// point the chart holds), or CSV with one row per second. Made here from what the renderer holds — no round trip.
import type { LoadPoint, LoadRunView } from '../../../shared/contract';
import { csvLine } from '../../../shared/csv';

export function loadRunJson(run: LoadRunView, points: readonly LoadPoint[]): string {
  return `${JSON.stringify({ ...run, points }, null, 2)}\n`;
}

const CSV_HEADER = ['second', 'submits', 'responses', 'receipts', 'errors', 'p50_ms', 'p95_ms', 'p99_ms', 'errors_by_status'];

export function loadPointsCsv(points: readonly LoadPoint[]): string {
  const rows = points.map((p) => {
    const byStatus = Object.entries(p.errorsByStatus).map(([status, count]) => `${status}=${count}`).join('; ');
    return csvLine([p.second, p.submits, p.responses, p.receipts, p.errors, p.p50, p.p95, p.p99, byStatus]);
  });
  return [csvLine(CSV_HEADER), ...rows].join('');
}

/** smpp-load-20261202-101500.json: what it is and when the run started. */
export function loadFileName(run: LoadRunView, extension: 'json' | 'csv'): string {
  const stamp = new Date(run.startedAt).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `smpp-load-${stamp}.${extension}`;
}
