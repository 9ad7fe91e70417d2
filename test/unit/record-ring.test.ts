import { describe, expect, it } from 'vitest';
import { RecordRing } from '../../electron/core/trace/record-ring';

describe('the trace ring', () => {
  it('keeps the newest N records by id and forgets older ones', () => {
    const ring = new RecordRing<{ id: number }>(3);
    expect(ring.get(1)).toBeUndefined();
    for (let id = 1; id <= 5; id += 1) ring.push({ id });
    expect([1, 2, 3, 4, 5, 6].map((id) => ring.get(id)?.id)).toEqual([undefined, undefined, 3, 4, 5, undefined]);
  });
});
