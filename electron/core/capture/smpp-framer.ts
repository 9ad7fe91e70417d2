// SMPP PDUs out of one direction of a reassembled TCP stream, by command_length. What does not frame is kept as
// "unframed" octets with the reason — octets before the first PDU, a PDU cut by a gap in the capture, the end of
// the capture inside a PDU — and after a gap the framer looks for the next plausible header to find its footing.
import { commandsById } from 'smpp/lib/defs.js';
import { MAX_PDU_LENGTH } from '../smpp/connection';
import { HEADER_LENGTH } from '../smpp/smpp-tables';
import type { StreamChunk } from './tcp-reassembly';

export interface FramedOctets {
  bytes: Buffer;
  /** When the octet that completed it was captured (ms since the epoch). */
  time: number;
  /** Null for a PDU; why otherwise. */
  unframed: string | null;
}

/** Whether 16 octets at `at` look like an SMPP header: a length in range, a known command_id, a sane sequence. */
export function plausibleHeader(bytes: Buffer, at = 0): boolean {
  if (bytes.length - at < HEADER_LENGTH) return false;
  const length = bytes.readUInt32BE(at);
  const commandId = bytes.readUInt32BE(at + 4);
  const sequence = bytes.readUInt32BE(at + 12);
  return length >= HEADER_LENGTH && length <= MAX_PDU_LENGTH && commandsById[commandId] !== undefined && sequence <= 0x7fffffff;
}

export class SmppFramer {
  private pending: Buffer = Buffer.alloc(0);
  private lost = false;

  constructor(private readonly emit: (octets: FramedOctets) => void) {}

  chunk(chunk: StreamChunk): void {
    if (chunk.kind === 'gap') {
      if (this.pending.length > 0) this.unframed(this.pending, chunk.time, `${this.pending.length} octets cut off by ${chunk.missing} octets the capture missed`);
      this.pending = Buffer.alloc(0);
      this.lost = true;
      return;
    }
    this.pending = this.pending.length === 0 ? chunk.bytes : Buffer.concat([this.pending, chunk.bytes]);
    this.frame(chunk.time);
  }

  finish(time: number): void {
    if (this.pending.length === 0) return;
    const declared = this.pending.length >= 4 ? this.pending.readUInt32BE(0) : 0;
    this.unframed(this.pending, time, `the capture ends inside a PDU (${this.pending.length}${declared >= HEADER_LENGTH ? ` of ${declared}` : ''} octets)`);
    this.pending = Buffer.alloc(0);
  }

  private frame(time: number): void {
    let at = 0;
    const bytes = this.pending;
    while (bytes.length - at >= HEADER_LENGTH) {
      if (!plausibleHeader(bytes, at)) {
        // Not at a PDU boundary: skip to the next place a header is plausible (or keep the tail for more octets).
        let next = at + 1;
        while (next <= bytes.length - HEADER_LENGTH && !plausibleHeader(bytes, next)) next += 1;
        const reason = this.lost ? 'octets after a gap in the capture, before the next PDU' : 'octets that do not start a PDU';
        if (next > bytes.length - HEADER_LENGTH) {
          // Keep the last 15 octets: a header may begin in them.
          next = bytes.length - HEADER_LENGTH + 1;
        }
        this.unframed(bytes.subarray(at, next), time, reason);
        at = next;
        continue;
      }
      const length = bytes.readUInt32BE(at);
      if (bytes.length - at < length) break;
      this.emit({ bytes: bytes.subarray(at, at + length), time, unframed: null });
      this.lost = false;
      at += length;
    }
    this.pending = at === 0 ? bytes : bytes.subarray(at);
  }

  private unframed(bytes: Buffer, time: number, reason: string): void {
    if (bytes.length > 0) this.emit({ bytes, time, unframed: reason });
  }
}
