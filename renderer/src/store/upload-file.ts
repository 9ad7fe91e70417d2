// A file from the user's disk sent to the host in pieces (uploadCapture), for whatever call reads it next (a capture
// import, a load run's CSV), telling the caller how far it has got. One place for the loop, as fetch-export.ts is
// for the other direction.
import type { ConsoleApi } from '../../../shared/contract';
import { base64FromOctets } from '../trace/save-download';

/** Octets a piece: well within a WebSocket frame with base64's third on top. */
const UPLOAD_PIECE = 512 * 1024;

/** Resolves with the upload's id; `onProgress` hears 0 first, then the octets sent after each piece. */
export async function uploadFile(api: ConsoleApi, file: File, onProgress: (sent: number, total: number) => void): Promise<string> {
  let uploadId: string | null = null;
  onProgress(0, file.size);
  // An empty file is still one (empty, last) piece: the host names the upload on its first.
  for (let offset = 0; ; offset += UPLOAD_PIECE) {
    const piece = new Uint8Array(await file.slice(offset, offset + UPLOAD_PIECE).arrayBuffer());
    const last = offset + UPLOAD_PIECE >= file.size;
    ({ uploadId } = await api.uploadCapture({ uploadId, fileName: file.name, offset, base64: base64FromOctets(piece), last }));
    onProgress(Math.min(file.size, offset + UPLOAD_PIECE), file.size);
    if (last) return uploadId;
  }
}
