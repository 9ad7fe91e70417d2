// A log file in the data folder that never grows without bound: past maxBytes it becomes .1 (the older ones
// shift up to .N, the oldest is dropped) and a fresh file starts. Owner-only (0600): lines name numbers, hosts and
// texts from the trace. Writes are synchronous and small — errors are rare, and a line must survive a crash that
// follows it.
import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface RotatingLogOptions {
  dir: string;
  name?: string;
  /** Size at which the file rotates (default 1 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside the live one (default 4). */
  keep?: number;
}

export class RotatingLog {
  readonly file: string;
  private size: number;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(options: RotatingLogOptions) {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.file = join(options.dir, options.name ?? 'smpp-console.log');
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 4;
    this.size = existsSync(this.file) ? statSync(this.file).size : 0;
    if (existsSync(this.file)) chmodSync(this.file, 0o600);
  }

  /** Appends text (one entry, possibly several lines). Throws when the disk refuses it; the caller decides. */
  append(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    appendFileSync(this.file, text, { mode: 0o600 });
    this.size += bytes;
  }

  private rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let n = this.keep - 1; n >= 1; n -= 1) {
      if (existsSync(`${this.file}.${n}`)) renameSync(`${this.file}.${n}`, `${this.file}.${n + 1}`);
    }
    renameSync(this.file, `${this.file}.1`);
    this.size = 0;
  }
}
