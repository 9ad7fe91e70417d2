// The newest N trace records in memory, for details by id without a query. A fixed circular buffer: pushing
// never moves the others (an array spliced at the front would copy all N on every PDU once full).
export class RecordRing<T extends { id: number }> {
  private readonly slots: Array<T | undefined>;
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<T | undefined>(capacity);
  }

  push(record: T): void {
    this.slots[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** Ids are consecutive, so the record sits at a known distance from the newest; anything else is a miss. */
  get(id: number): T | undefined {
    if (this.size === 0) return undefined;
    const newestIndex = (this.next - 1 + this.capacity) % this.capacity;
    const newest = this.slots[newestIndex]!;
    const back = newest.id - id;
    if (back < 0 || back >= this.size) return undefined;
    const candidate = this.slots[(newestIndex - back + this.capacity) % this.capacity];
    return candidate?.id === id ? candidate : undefined;
  }
}
