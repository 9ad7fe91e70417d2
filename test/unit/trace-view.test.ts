// The renderer's trace view: a window over the store. Stored rows arrive a page at a time into a bounded cache,
// live rows join only when they match, pairing updates reach rows wherever they sit, and a re-count moves the
// snapshot forward without losing a row.
import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../shared/contract';
import { canonicalFilter } from '../../shared/trace-filter';
import {
  appendLive, applyUpdates, emptyView, indexInWindow, MAX_LIVE, MAX_PAGES, missingPages, PAGE_SIZE, rebase, rowAt, storePage, viewLength,
} from '../../renderer/src/trace/trace-view';

function row(id: number, commandName = 'submit_sm'): TraceSummary {
  return {
    id, sessionId: 's1', time: id, direction: 'out', commandId: 4, commandName, commandStatus: 0, statusName: 'ESME_ROK', sequenceNumber: id,
    length: 40, summary: '', problem: null, smscMessageId: null, sourceAddr: null, destinationAddr: null, requestId: null, responseId: null,
    outcome: 'outstanding', responseStatus: null, responseStatusName: null, rttMs: null,
  };
}
const page = (index: number) => Array.from({ length: PAGE_SIZE }, (_, i) => row(index * PAGE_SIZE + i + 1));

describe('the trace view', () => {
  it('pages stored rows in as they come into sight, keeping at most MAX_PAGES', () => {
    const view = emptyView({}, 'time', 1);
    view.total = 100_000;
    view.snapshotId = 100_000;
    expect(missingPages(view, 0, 450)).toEqual([0, 1, 2]);
    view.loading.add(1);
    expect(missingPages(view, 0, 450)).toEqual([0, 2]);
    storePage(view, 0, page(0), new Set([0]));
    expect(rowAt(view, 5)?.id).toBe(6);
    expect(rowAt(view, 250)).toBeUndefined(); // not loaded yet: a placeholder row
    for (let p = 10; p < 10 + MAX_PAGES + 5; p += 1) storePage(view, p, page(p), new Set([p]));
    expect(view.pages.size).toBe(MAX_PAGES);
    expect(view.pages.has(0)).toBe(false); // least recently used went first
  });

  it('takes only matching rows into the live tail, and asks for a re-count when the tail is full', () => {
    const view = emptyView(canonicalFilter({ commands: ['submit_sm_resp'] }), 'time', 1);
    view.total = 10;
    view.snapshotId = 50;
    expect(appendLive(view, [row(49, 'submit_sm_resp'), row(51, 'submit_sm'), row(52, 'submit_sm_resp')])).toEqual({ added: 1, full: false });
    expect(viewLength(view)).toBe(11);
    expect(rowAt(view, 10)?.id).toBe(52);
    const many = Array.from({ length: MAX_LIVE }, (_, i) => row(100 + i, 'submit_sm_resp'));
    expect(appendLive(view, many).full).toBe(true);
    // the re-count at a later snapshot holds those rows now (row 52 and all but the last 100 of the burst); the
    // tail keeps only what came after it, and no row is lost or counted twice
    rebase(view, 10 + 1 + (MAX_LIVE - 100), 100 + MAX_LIVE - 101);
    expect(view.live.map((r) => r.id)).toEqual(many.slice(-100).map((r) => r.id));
    expect(viewLength(view)).toBe(10 + 1 + MAX_LIVE);
  });

  it('a sorted view is a snapshot: live rows do not join it', () => {
    const view = emptyView({}, 'rtt', 1);
    view.total = 3;
    expect(appendLive(view, [row(9)]).added).toBe(0);
  });

  it('applies pairing updates to rows in pages and in the tail, and finds rows in the window', () => {
    const view = emptyView({}, 'time', 1);
    view.total = PAGE_SIZE;
    view.snapshotId = PAGE_SIZE;
    storePage(view, 0, page(0), new Set());
    appendLive(view, [row(PAGE_SIZE + 1), row(PAGE_SIZE + 2)]);
    const changed = applyUpdates(view, [
      { requestId: 7, responseId: 9, outcome: 'answered', responseStatus: 0, responseStatusName: 'ESME_ROK', rttMs: 3.5 },
      { requestId: PAGE_SIZE + 2, responseId: null, outcome: 'timeout', responseStatus: null, responseStatusName: null, rttMs: null },
      { requestId: 99_999, responseId: 1, outcome: 'answered', responseStatus: 0, responseStatusName: 'ESME_ROK', rttMs: 1 },
    ]);
    expect(changed).toBe(true);
    expect(rowAt(view, 6)).toMatchObject({ id: 7, outcome: 'answered', rttMs: 3.5, responseId: 9 });
    expect(rowAt(view, PAGE_SIZE + 1)).toMatchObject({ outcome: 'timeout' });
    expect(indexInWindow(view, 7)).toBe(6);
    expect(indexInWindow(view, PAGE_SIZE + 2)).toBe(PAGE_SIZE + 1);
    expect(indexInWindow(view, 5000)).toBe(-1);
  });
});
