// Sent and Inbox as windows over the store: a batch changes items in place or adds newer ones, once per batch;
// older items stay in the store.
import { describe, expect, it } from 'vitest';
import { applyBatch, WINDOW } from '../../renderer/src/store/list-window';

interface Item {
  id: number;
  v: string;
}
const newer = (a: Item, b: Item) => a.id > b.id;
const all = () => true;

describe('a list window', () => {
  it('updates in place, adds newer items at the top, ignores changes to items below the window', () => {
    const items = Array.from({ length: WINDOW }, (_, i) => ({ id: 1000 - i, v: 'old' }));
    const window = { items, hasOlder: true };
    const next = applyBatch(window, [{ id: 1001, v: 'new' }, { id: 990, v: 'changed' }, { id: 5, v: 'below' }], newer, all);
    expect(next.items[0]).toEqual({ id: 1001, v: 'new' });
    expect(next.items.find((i) => i.id === 990)?.v).toBe('changed');
    expect(next.items.some((i) => i.id === 5)).toBe(false);
    expect(next.items).toHaveLength(WINDOW); // bounded: the oldest fell out of view (still in the store)
    expect(next.hasOlder).toBe(true);
  });

  it('returns the same window when nothing in the batch belongs there (no re-render)', () => {
    const window = { items: [{ id: 3, v: 'x' }], hasOlder: true };
    expect(applyBatch(window, [{ id: 1, v: 'y' }], newer, all)).toBe(window);
    expect(applyBatch(window, [{ id: 9, v: 'z' }], newer, () => false)).toBe(window);
  });
});
