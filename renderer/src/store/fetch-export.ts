// A file the host wrote (a trace export, the inbox's CSV) fetched in pieces with readExport and saved as a
// download, telling the caller how far it has got. One place for the loop, whatever the export.
import type { ConsoleApi } from '../../../shared/contract';
import { octetsFromBase64, saveDownload } from '../trace/save-download';

/** Pieces of a file fetched per call: within a WebSocket frame's limit with base64's third on top. */
const DOWNLOAD_PIECE = 4 * 1024 * 1024;

export async function downloadExport(
  api: ConsoleApi,
  exportId: string,
  fileName: string,
  type: string,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, total = 1; offset < total; ) {
    const piece = await api.readExport({ exportId, offset, length: DOWNLOAD_PIECE });
    const octets = octetsFromBase64(piece.base64);
    if (octets.length === 0) break;
    parts.push(octets);
    offset += octets.length;
    total = piece.total;
    onProgress(offset, total);
  }
  saveDownload(fileName, parts, type);
}
