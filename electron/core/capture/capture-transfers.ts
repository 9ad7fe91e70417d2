// Files that cross between the renderer and the data folder without a path crossing the contract: exports are
// written to <data>/exports and read back in pieces (the renderer saves them as a download), captures the user
// opens arrive in pieces into <data>/imports. Both folders are owner-only and emptied at start: they hold only
// what is in transit. Ids are random and looked up here, so no request can name a file of its own choosing.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { TraceExportFormat } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import { FOLDER_MODE, secureFile } from '../store/data-folder';

/** The largest capture accepted for import. */
export const MAX_UPLOAD_OCTETS = 2 * 1024 ** 3;
/** The largest piece of a file one call carries (base64 makes it a third larger on the wire). */
export const MAX_PIECE_OCTETS = 4 * 1024 * 1024;

/** What an export can be: a trace format, or the inbox's CSV. */
export type ExportFormat = TraceExportFormat | 'csv';

const EXTENSIONS: Record<ExportFormat, string> = { pcapng: 'pcapng', pcap: 'pcap', jsonl: 'jsonl', text: 'txt', csv: 'csv' };
/** The download's name starts with what it holds. */
const STEMS: Record<ExportFormat, string> = { pcapng: 'smpp-trace', pcap: 'smpp-trace', jsonl: 'smpp-trace', text: 'smpp-trace', csv: 'smpp-inbox' };

interface Upload {
  path: string;
  fileName: string;
  received: number;
  complete: boolean;
}

export class CaptureTransfers {
  private readonly exportsDir: string;
  private readonly importsDir: string;
  private readonly exports = new Map<string, { path: string; fileName: string }>();
  private readonly uploads = new Map<string, Upload>();

  constructor(dataDir: string) {
    this.exportsDir = join(dataDir, 'exports');
    this.importsDir = join(dataDir, 'imports');
    for (const dir of [this.exportsDir, this.importsDir]) {
      // What a previous run left in transit is not wanted: nothing names it any more.
      if (existsSync(dir)) for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
      mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
    }
  }

  /** A new export's id, file name (as the download will be named) and where the trace store (or the CSV writer) writes it. */
  newExport(format: ExportFormat, now = new Date()): { exportId: string; fileName: string; path: string } {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const exportId = randomBytes(12).toString('hex');
    const fileName = `${STEMS[format]}-${stamp}.${EXTENSIONS[format]}`;
    const path = join(this.exportsDir, `${exportId}.${EXTENSIONS[format]}`);
    this.exports.set(exportId, { path, fileName });
    return { exportId, fileName, path };
  }

  readExport(exportId: string, offset: number, length: number): { base64: string; total: number } {
    const found = this.exports.get(exportId);
    if (!found || !existsSync(found.path)) throw new ConsoleInputError(`exportId: no export ${exportId} (exports last until the console restarts)`, 'exportId');
    const fd = openSync(found.path, 'r');
    try {
      const total = fstatSync(fd).size;
      const piece = Buffer.allocUnsafe(Math.max(0, Math.min(length, total - offset)));
      let read = 0;
      while (read < piece.length) {
        const n = readSync(fd, piece, read, piece.length - read, offset + read);
        if (n === 0) break;
        read += n;
      }
      return { base64: piece.subarray(0, read).toString('base64'), total };
    } finally {
      closeSync(fd);
    }
  }

  /** Appends one piece of an upload (the first, with uploadId null, starts it); pieces come in order. */
  receive(request: { uploadId: string | null; fileName: string; offset: number; base64: string; last: boolean }): { uploadId: string; received: number } {
    let uploadId = request.uploadId;
    let upload: Upload | undefined;
    if (uploadId === null) {
      if (request.offset !== 0) throw new ConsoleInputError('offset: a new upload starts at 0', 'offset');
      uploadId = randomBytes(12).toString('hex');
      upload = { path: join(this.importsDir, uploadId), fileName: request.fileName, received: 0, complete: false };
      secureFile(upload.path);
      this.uploads.set(uploadId, upload);
    } else {
      upload = this.uploads.get(uploadId);
      if (!upload) throw new ConsoleInputError(`uploadId: no upload ${uploadId}`, 'uploadId');
    }
    if (upload.complete) throw new ConsoleInputError(`uploadId: upload ${uploadId} is already complete`, 'uploadId');
    if (request.offset !== upload.received) {
      throw new ConsoleInputError(`offset: ${request.offset}, but ${upload.received} octets have arrived (pieces come in order)`, 'offset');
    }
    const piece = Buffer.from(request.base64, 'base64');
    if (upload.received + piece.length > MAX_UPLOAD_OCTETS) {
      this.discard(uploadId);
      throw new ConsoleInputError(`capture file: larger than ${MAX_UPLOAD_OCTETS / 1024 ** 3} GiB, the most this console imports`, 'file');
    }
    const fd = openSync(upload.path, 'a');
    try {
      let written = 0;
      while (written < piece.length) written += writeSync(fd, piece, written, piece.length - written);
    } finally {
      closeSync(fd);
    }
    upload.received += piece.length;
    upload.complete = request.last;
    return { uploadId, received: upload.received };
  }

  /** A complete upload's file, for the importer. */
  uploaded(uploadId: string): { path: string; fileName: string; size: number } {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new ConsoleInputError(`uploadId: no upload ${uploadId}`, 'uploadId');
    if (!upload.complete) throw new ConsoleInputError(`uploadId: upload ${uploadId} has not received its last piece`, 'uploadId');
    return { path: upload.path, fileName: upload.fileName, size: statSync(upload.path).size };
  }

  discard(uploadId: string): void {
    const upload = this.uploads.get(uploadId);
    if (upload) rmSync(upload.path, { force: true });
    this.uploads.delete(uploadId);
  }
}
