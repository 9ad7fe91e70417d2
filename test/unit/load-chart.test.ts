// The renderer's side of a load run: events' points merged by second (a skipped event loses nothing, a longer gap
// is noticed so it can be filled), the chart's columns, its words for a screen reader, and the CSV export.
import { describe, expect, it } from 'vitest';
import { MAX_LOAD_POINTS, type LoadPoint } from '../../shared/contract';
import { chartColumns, chartSeries, errorStatusesOf, latestLine } from '../../renderer/src/load/chart-data';
import { loadPointsCsv } from '../../renderer/src/load/load-export';
import { mergePoints } from '../../renderer/src/store/load-slice';

const point = (second: number, extra: Partial<LoadPoint> = {}): LoadPoint => ({
  second, submits: 100, responses: 99, receipts: 98, errors: 0, errorsByStatus: {}, p50: 1.5, p95: 3, p99: 9, ...extra,
});

describe('load chart data', () => {
  it('merges the newest points by second and notices a gap', () => {
    const held = [point(0), point(1), point(2)];
    expect(mergePoints(held, [point(1), point(2)])).toEqual({ points: held, gap: false });
    expect(mergePoints(held, [point(2), point(3), point(4)]).points.map((p) => p.second)).toEqual([0, 1, 2, 3, 4]);
    expect(mergePoints(held, [point(6), point(7)])).toMatchObject({ gap: true });
    const long = Array.from({ length: MAX_LOAD_POINTS }, (_, i) => point(i));
    expect(mergePoints(long, [point(MAX_LOAD_POINTS)]).points).toHaveLength(MAX_LOAD_POINTS);
  });

  it('draws one series per error status seen, and says the newest second in words', () => {
    const points = [point(0), point(1, { errors: 3, errorsByStatus: { ESME_RTHROTTLED: 2, 'no response (timeout)': 1 }, p50: null })];
    const statuses = errorStatusesOf(points);
    expect(statuses).toEqual(['ESME_RTHROTTLED', 'no response (timeout)']);
    expect(chartSeries(statuses).map((s) => s.label)).toEqual([
      'submits/s', 'responses/s', 'receipts/s', 'ESME_RTHROTTLED/s', 'no response (timeout)/s', 'p50 ms', 'p95 ms', 'p99 ms',
    ]);
    expect(chartColumns(points, statuses)).toEqual([[0, 1], [100, 100], [99, 99], [98, 98], [0, 2], [0, 1], [1.5, null], [3, 3], [9, 9]]);
    expect(latestLine(points)).toBe('Second 2: 100 submits/s, 99 responses/s, 98 receipts/s, 3 errors; submit_sm_resp p50 –, p95 3 ms, p99 9 ms.');
    expect(latestLine([])).toBe('No second has completed yet.');
  });

  it('exports one CSV row a second', () => {
    const csv = loadPointsCsv([point(0, { errors: 2, errorsByStatus: { ESME_RTHROTTLED: 1, 'no response (timeout)': 1 } })]);
    expect(csv).toBe(
      'second,submits,responses,receipts,errors,p50_ms,p95_ms,p99_ms,errors_by_status\r\n' +
        '0,100,99,98,2,1.5,3,9,ESME_RTHROTTLED=1; no response (timeout)=1\r\n',
    );
  });
});
