// The trace's tools beside the live list: the Decode box (pasted hex dissected without a session), export (written
// by the host, then fetched in pieces and saved as a download) and capture import (the file sent in pieces, then
// read into the trace). The latest decode alone may settle its outcome, so a slow old one cannot overwrite it.
import type { StateCreator } from 'zustand';
import type {
  CaptureImportResult,
  ConsoleApi,
  DecodeHexResult,
  DefaultAlphabet,
  TraceExportFormat,
  TraceExportResult,
  TraceExportScope,
} from '../../../shared/contract';
import { downloadExport } from './fetch-export';
import { uploadFile } from './upload-file';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import type { Outcome } from './operations-slice';

const MIME: Record<TraceExportFormat, string> = {
  pcapng: 'application/x-pcapng', pcap: 'application/vnd.tcpdump.pcap', jsonl: 'application/jsonl', text: 'text/plain',
};

export type TransferProgress = { status: 'running'; step: string; done: number; total: number };
/** An export's or import's state: running says which step, and how far. */
export type TransferOutcome<T> = Exclude<Outcome<T>, { status: 'running' }> | TransferProgress;

export interface TraceToolsSlice {
  decodeOutcome: Outcome<DecodeHexResult>;
  runDecode: (hex: string, defaultAlphabet: DefaultAlphabet) => Promise<void>;
  exportOutcome: TransferOutcome<TraceExportResult>;
  runExport: (scope: TraceExportScope, format: TraceExportFormat) => Promise<void>;
  importOutcome: TransferOutcome<CaptureImportResult>;
  runImport: (file: File, smppPorts: number[]) => Promise<void>;
}

export function createTraceToolsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], TraceToolsSlice> {
  return (set, get) => {
    let latestDecode = 0;
    return {
      decodeOutcome: { status: 'idle' },
      runDecode: async (hex, defaultAlphabet) => {
        const ticket = ++latestDecode;
        const put = (decodeOutcome: Outcome<DecodeHexResult>) => {
          if (ticket === latestDecode) set({ decodeOutcome });
        };
        put({ status: 'running' });
        try {
          put({ status: 'done', value: await api.decodeHex({ hex, defaultAlphabet }) });
        } catch (error) {
          put({ status: 'failed', message: errorMessage(error), field: errorField(error) });
        }
      },
      exportOutcome: { status: 'idle' },
      runExport: async (scope, format) => {
        try {
          set({ exportOutcome: { status: 'running', step: 'Writing the file…', done: 0, total: 0 } });
          const result = await api.exportTrace({ scope, format });
          await downloadExport(api, result.exportId, result.fileName, MIME[format], (done, total) =>
            set({ exportOutcome: { status: 'running', step: 'Fetching', done, total } }),
          );
          set({ exportOutcome: { status: 'done', value: result } });
        } catch (error) {
          set({ exportOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
        }
      },
      importOutcome: { status: 'idle' },
      runImport: async (file, smppPorts) => {
        try {
          const uploadId = await uploadFile(api, file, (done, total) => set({ importOutcome: { status: 'running', step: 'Sending', done, total } }));
          set({ importOutcome: { status: 'running', step: 'Reading the capture…', done: 0, total: 0 } });
          const result = await api.importCapture({ uploadId, smppPorts });
          set({ importOutcome: { status: 'done', value: result } });
          await get().loadTraceSessions();
        } catch (error) {
          set({ importOutcome: { status: 'failed', message: errorMessage(error), field: errorField(error) } });
        }
      },
    };
  };
}
