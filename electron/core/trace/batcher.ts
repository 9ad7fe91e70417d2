// Collects items and hands them on in batches bounded by time and by size: a burst of PDUs becomes a few
// messages to the UI (or a few database transactions), never one per PDU.
// A flush runs from a timer or from whoever pushed the item that filled the batch (a socket's 'data' handler):
// an exception there would escape into Node's event loop or into the connection, so it is caught and reported.
// The batch is then the receiver's to keep or retry; the Batcher has already let go of it.
export class Batcher<T> {
  private items: T[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushTo: (batch: T[]) => void,
    private readonly maxDelayMs: number,
    private readonly maxSize: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Items waiting for the next flush. */
  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    if (this.items.length >= this.maxSize) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    try {
      this.flushTo(batch);
    } catch (error) {
      this.onError(error);
    }
  }
}
