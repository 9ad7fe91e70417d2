// The trace's tools beside the live list: the Decode box (pasted hex dissected without a session). The latest
// request alone may settle the outcome, so a slow decode of an old paste cannot overwrite a newer one.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, DecodeHexResult, DefaultAlphabet } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import type { Outcome } from './operations-slice';

export interface TraceToolsSlice {
  decodeOutcome: Outcome<DecodeHexResult>;
  runDecode: (hex: string, defaultAlphabet: DefaultAlphabet) => Promise<void>;
}

export function createTraceToolsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], TraceToolsSlice> {
  return (set) => {
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
    };
  };
}
