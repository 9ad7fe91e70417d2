// Moving capture files through the contract the way the renderer does (readExport / uploadCapture in pieces), and
// asking Debian's tshark what it makes of one. tshark is an independent reader: where it is missing, callers say
// that they skipped and why.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { CaptureImportResult, TraceExportFormat, TraceExportResult, TraceExportScope } from '../../shared/contract';
import type { Services } from '../../electron/core/services';

const run = promisify(execFile);
export const TSHARK = '/usr/bin/tshark';
export const DUMPCAP = '/usr/bin/dumpcap';
export const hasTshark = () => existsSync(TSHARK);

/** Exports, then reads the file back through readExport, as a download does. */
export async function exportFile(services: Services, scope: TraceExportScope, format: TraceExportFormat): Promise<{ result: TraceExportResult; file: Buffer }> {
  const result = await services.handlers.exportTrace({ scope, format });
  const pieces: Buffer[] = [];
  for (let offset = 0; ; ) {
    const piece = await services.handlers.readExport({ exportId: result.exportId, offset, length: 1024 * 1024 });
    const bytes = Buffer.from(piece.base64, 'base64');
    pieces.push(bytes);
    offset += bytes.length;
    if (offset >= piece.total || bytes.length === 0) break;
  }
  return { result, file: Buffer.concat(pieces) };
}

/** Uploads a file in pieces and imports it, as the Open capture button does. */
export async function importFile(services: Services, file: Buffer, fileName: string, smppPorts: number[] = []): Promise<CaptureImportResult> {
  const PIECE = 256 * 1024;
  let uploadId: string | null = null;
  for (let offset = 0; offset < file.length || offset === 0; offset += PIECE) {
    const piece = file.subarray(offset, offset + PIECE);
    const last = offset + PIECE >= file.length;
    ({ uploadId } = await services.handlers.uploadCapture({ uploadId, fileName, offset, base64: piece.toString('base64'), last }));
    if (last) break;
  }
  return services.handlers.importCapture({ uploadId: uploadId!, smppPorts });
}

/** What tshark decodes as SMPP: one line per PDU, "command_id sequence_number command_status" (status blank when absent). */
export async function tsharkSmpp(path: string, decodeAsPort?: number): Promise<string[]> {
  const args = ['-r', path, '-Y', 'smpp', '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=/', '-e', 'smpp.command_id', '-e', 'smpp.sequence_number', '-e', 'smpp.command_status'];
  if (decodeAsPort !== undefined) args.unshift('-d', `tcp.port==${decodeAsPort},smpp`);
  const { stdout } = await run(TSHARK, args, { maxBuffer: 256 * 1024 * 1024 });
  // A frame may carry several PDUs: tshark lists each field's occurrences joined by the aggregator.
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const [ids, seqs, statuses] = line.split('\t').map((field) => field.split('/'));
      return ids!.map((id, i) => `${Number(id)} ${Number(seqs![i])} ${statuses![i] === undefined || statuses![i] === '' ? '' : Number(statuses![i])}`);
    });
}

/** tshark's TCP analysis problems in a file (zero-window, lost segments, bad checksums…). */
export async function tsharkTcpProblems(path: string): Promise<string[]> {
  const { stdout } = await run(TSHARK, ['-r', path, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-Y', 'tcp.analysis.flags || tcp.checksum.status == 0 || ip.checksum.status == 0', '-T', 'fields', '-e', 'frame.number', '-e', '_ws.expert.message'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim().split('\n').filter(Boolean);
}
