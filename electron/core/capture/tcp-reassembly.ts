// One direction of a TCP connection put back in order: segments out of order are held until the gap before them
// fills, retransmissions and overlaps give only their new octets, and a gap that never fills (a packet the capture
// missed) is passed on as a gap — so the SMPP framer can say what was lost and find its footing again.
import { TCP_SYN } from './packet-builder';

export type StreamChunk = { kind: 'data'; bytes: Buffer; time: number } | { kind: 'gap'; missing: number; time: number };

/** Out-of-order octets held before the earliest gap is given up on. */
const MAX_HELD_OCTETS = 8 * 1024 * 1024;

/** seq − next as a signed 32-bit distance (sequence numbers wrap). */
const distance = (seq: number, next: number) => ((seq - next) | 0);

export class TcpDirection {
  private next: number | null = null;
  private readonly held = new Map<number, { bytes: Buffer; time: number }>();
  private heldOctets = 0;

  constructor(private readonly emit: (chunk: StreamChunk) => void) {}

  segment(seq: number, flags: number, payload: Buffer, time: number): void {
    let start = seq;
    if (flags & TCP_SYN) {
      this.next = (seq + 1) >>> 0;
      start = (seq + 1) >>> 0;
    }
    if (payload.length === 0) return;
    this.next ??= start;
    const offset = distance(start, this.next);
    if (offset > 0) {
      const already = this.held.get(start);
      if (!already || already.bytes.length < payload.length) {
        this.heldOctets += payload.length - (already?.bytes.length ?? 0);
        this.held.set(start, { bytes: payload, time });
      }
      while (this.heldOctets > MAX_HELD_OCTETS) this.skipGap();
      return;
    }
    if (-offset >= payload.length) return; // a retransmission of octets already passed on
    this.take(payload.subarray(-offset), time);
    this.drain();
  }

  /** The capture ended: what is still held comes after gaps that will not fill. */
  finish(): void {
    while (this.held.size > 0) this.skipGap();
  }

  private take(bytes: Buffer, time: number): void {
    this.emit({ kind: 'data', bytes, time });
    this.next = (this.next! + bytes.length) >>> 0;
  }

  /** Passes on every held segment that now touches the octets passed on. */
  private drain(): void {
    for (let progressed = true; progressed && this.held.size > 0; ) {
      progressed = false;
      for (const [seq, segment] of this.held) {
        const offset = distance(seq, this.next!);
        if (offset > 0) continue;
        this.held.delete(seq);
        this.heldOctets -= segment.bytes.length;
        if (-offset < segment.bytes.length) this.take(segment.bytes.subarray(-offset), segment.time);
        progressed = true;
      }
    }
  }

  /** Gives up on the gap before the nearest held segment. */
  private skipGap(): void {
    let nearest: number | null = null;
    for (const seq of this.held.keys()) if (nearest === null || distance(seq, this.next!) < distance(nearest, this.next!)) nearest = seq;
    if (nearest === null) return;
    const segment = this.held.get(nearest)!;
    this.emit({ kind: 'gap', missing: distance(nearest, this.next!), time: segment.time });
    this.next = nearest;
    this.drain();
  }
}
