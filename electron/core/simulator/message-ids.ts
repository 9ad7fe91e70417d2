// message_ids that never repeat across restarts, so a receipt of an earlier run cannot match a message of this one.
//
// Each id is one 64-bit number written in the scenario's format: base + n, where n counts this run's ids from 0 and
//   base = max(the run's start in ms × 4,096, the end of the last block an earlier run reserved in the state file).
// Why no two runs collide:
// - On the same data folder: ids are handed out in blocks of 2^20, and a block's end is written to the state file
//   (written whole, then renamed into place) before its first id is issued. A later run starts at or above that
//   end, whatever the clock says — even after a crash, even if the clock went back.
// - Without a state file (the headless simulator with no --data-dir, or another data folder): a run that started at
//   T1 has issued fewer ids than 4,096 per millisecond it ran (that would take over 4 million submits a second, far
//   above what one process answers), so everything it issued lies below T2 × 4,096 for any run starting at T2 > T1.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MessageIdFormat } from '../../../shared/contract';

const IDS_PER_MS = 4096n;
const BLOCK = 1n << 20n;

export interface MessageIdOptions {
  format: MessageIdFormat;
  /** Where the reserved block's end is kept (a JSON file in the data folder); null = the clock alone. */
  stateFile: string | null;
  now?: number;
  onError?: (error: unknown, where: string) => void;
}

export class MessageIds {
  private next: bigint;
  private reservedUpTo: bigint;
  /** 14 random hex digits fixed for the run: the UUID format's node part. */
  private readonly runNode = randomBytes(7).toString('hex');

  constructor(private readonly options: MessageIdOptions) {
    const fromClock = BigInt(Math.floor(options.now ?? Date.now())) * IDS_PER_MS;
    const reserved = this.readReserved();
    this.next = reserved > fromClock ? reserved : fromClock;
    this.reservedUpTo = this.next;
  }

  setFormat(format: MessageIdFormat): void {
    this.options.format = format;
  }

  /** A new id, never issued before by this run or an earlier one. */
  allocate(): string {
    if (this.next >= this.reservedUpTo) this.reserve();
    const value = this.next;
    this.next += 1n;
    return this.write(value);
  }

  /** The same number in the other base (hex ⇄ decimal); a UUID upper-cased without its dashes. */
  otherBase(id: string): string {
    try {
      if (this.options.format === 'hex') return BigInt(`0x${id}`).toString(10);
      if (this.options.format === 'decimal') return BigInt(id).toString(16).toUpperCase();
    } catch {
      return id;
    }
    return id.replaceAll('-', '').toUpperCase();
  }

  private write(value: bigint): string {
    switch (this.options.format) {
      case 'decimal':
        return value.toString(10);
      case 'uuid': {
        // RFC 9562 version 8 (vendor-defined): all 64 bits of the number around the version and variant nibbles,
        // then the run's random node.
        const h = value.toString(16).padStart(16, '0');
        const last = Number.parseInt(h[15]!, 16);
        const variant = (0x8 | (last >> 2)).toString(16) + (last & 3).toString(16);
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(12, 15)}-${variant}${this.runNode.slice(0, 2)}-${this.runNode.slice(2)}`;
      }
      default:
        return value.toString(16).toUpperCase().padStart(16, '0');
    }
  }

  private readReserved(): bigint {
    const file = this.options.stateFile;
    if (!file) return 0n;
    try {
      const state = JSON.parse(readFileSync(file, 'utf8')) as { reservedUpTo?: string };
      return /^\d+$/.test(state.reservedUpTo ?? '') ? BigInt(state.reservedUpTo!) : 0n;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.options.onError?.(error, 'reading the message_id state');
      return 0n;
    }
  }

  private reserve(): void {
    this.reservedUpTo = this.next + BLOCK;
    const file = this.options.stateFile;
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify({ reservedUpTo: this.reservedUpTo.toString() }));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      // The clock still keeps runs apart (see the head of this file); the failure is reported, not fatal.
      this.options.onError?.(error, 'recording the message_id block');
    }
  }
}
