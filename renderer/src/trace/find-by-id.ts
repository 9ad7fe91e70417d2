// Finds a summary's index by id. The window is sorted by id (ids only grow), so a binary search keeps the
// per-render lookup cheap at 20,000 rows.
import type { TraceSummary } from '../../../shared/contract';

export function indexOfTraceId(trace: readonly TraceSummary[], id: number | null): number {
  if (id === null) return -1;
  let low = 0;
  let high = trace.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const middleId = trace[middle]!.id;
    if (middleId === id) return middle;
    if (middleId < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
