// Collects items and hands them on in batches bounded by time and by size: a burst of PDUs becomes a few
// messages to the UI (or a few database transactions), never one per PDU.
export class Batcher<T> {
  private items: T[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushTo: (batch: T[]) => void,
    private readonly maxDelayMs: number,
    private readonly maxSize: number,
  ) {}

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
    this.flushTo(batch);
  }
}
