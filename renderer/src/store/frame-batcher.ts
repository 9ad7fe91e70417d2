// Coalesces trace batches that arrive within one animation frame into one store update. The host already
// batches by time and size, but several batches can land in the same frame under load; rendering the list once
// per frame is all the eye can use. The size cap keeps memory bounded where frames stop (a hidden window).

export function createFrameBatcher<T>(flush: (items: T[]) => void, maxPending: number): (items: readonly T[]) => void {
  let pending: T[] = [];
  let frame: number | null = null;
  const flushNow = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    const items = pending;
    pending = [];
    if (items.length > 0) flush(items);
  };
  return (items) => {
    for (const item of items) pending.push(item);
    if (pending.length >= maxPending) flushNow();
    else frame ??= requestAnimationFrame(flushNow);
  };
}
