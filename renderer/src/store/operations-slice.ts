// The Operations section's requests on a bound session — enquire_link now, data_sm, query_sm / cancel_sm /
// replace_sm, a raw PDU — and the last outcome of each, kept in the store so an outcome survives the section being closed.
// Only the newest request of each kind may settle its outcome: an earlier one answering late must not overwrite it.
import type { StateCreator } from 'zustand';
import type {
  ConsoleApi,
  ConsoleMethods,
  MessageRef,
  OperationResult,
  QueryResult,
  RawPduResult,
} from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';

export type Outcome<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; value: T }
  | { status: 'failed'; message: string; field: string | null };

export type MessageOperation =
  | { kind: 'query'; result: QueryResult }
  | { kind: 'cancel'; result: OperationResult }
  | { kind: 'replace'; result: OperationResult };

export type CancelRequest = ConsoleMethods['cancelSm']['request'];
export type ReplaceRequest = ConsoleMethods['replaceSm']['request'];
export type RawPduRequest = ConsoleMethods['sendRawPdu']['request'];
export type DataSmRequest = ConsoleMethods['dataSm']['request'];
export type DataSmResult = ConsoleMethods['dataSm']['response'];

export interface OperationsSlice {
  enquireLinkOutcome: Outcome<OperationResult>;
  messageOperationOutcome: Outcome<MessageOperation>;
  rawPduOutcome: Outcome<RawPduResult>;
  /** The raw PDU sender's hex, kept here so "Edit and resend" in the trace can fill it. */
  rawPduDraft: string;
  /** Counts "Edit and resend" requests: the Operations section opens and focuses the raw PDU on each new one. */
  rawPduEditRequests: number;
  setRawPduDraft: (hex: string) => void;
  /** Opens the raw PDU sender with these octets, ready to edit and transmit on the compose session. */
  editRawPdu: (hex: string) => void;
  dataSmOutcome: Outcome<DataSmResult>;
  runEnquireLink: (sessionId: string) => Promise<void>;
  runQuerySm: (ref: MessageRef) => Promise<void>;
  runCancelSm: (request: CancelRequest) => Promise<void>;
  runReplaceSm: (request: ReplaceRequest) => Promise<void>;
  runRawPdu: (request: RawPduRequest) => Promise<void>;
  runDataSm: (request: DataSmRequest) => Promise<void>;
}

type OutcomeKey = 'enquireLinkOutcome' | 'messageOperationOutcome' | 'rawPduOutcome' | 'dataSmOutcome';

export function createOperationsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], OperationsSlice> {
  return (set) => {
    const latest: Record<OutcomeKey, number> = {
      enquireLinkOutcome: 0,
      messageOperationOutcome: 0,
      rawPduOutcome: 0,
      dataSmOutcome: 0,
    };
    const track = async <K extends OutcomeKey>(key: K, call: () => Promise<OperationsSlice[K] & { status: 'done' }>) => {
      const ticket = ++latest[key];
      const put = (outcome: OperationsSlice[K]) => {
        if (latest[key] === ticket) set({ [key]: outcome } as Pick<OperationsSlice, K>);
      };
      put({ status: 'running' } as OperationsSlice[K]);
      try {
        put(await call());
      } catch (error) {
        put({ status: 'failed', message: errorMessage(error), field: errorField(error) } as OperationsSlice[K]);
      }
    };
    const message = (operation: MessageOperation) => ({ status: 'done' as const, value: operation });
    return {
      enquireLinkOutcome: { status: 'idle' },
      messageOperationOutcome: { status: 'idle' },
      rawPduOutcome: { status: 'idle' },
      rawPduDraft: '',
      rawPduEditRequests: 0,
      setRawPduDraft: (hex) => set({ rawPduDraft: hex }),
      editRawPdu: (hex) => set((state) => ({ rawPduDraft: groupOctets(hex), rawPduEditRequests: state.rawPduEditRequests + 1 })),
      dataSmOutcome: { status: 'idle' },
      runEnquireLink: (sessionId) =>
        track('enquireLinkOutcome', async () => ({ status: 'done', value: await api.enquireLink({ sessionId }) })),
      runQuerySm: (ref) =>
        track('messageOperationOutcome', async () => message({ kind: 'query', result: await api.querySm(ref) })),
      runCancelSm: (request) =>
        track('messageOperationOutcome', async () => message({ kind: 'cancel', result: await api.cancelSm(request) })),
      runReplaceSm: (request) =>
        track('messageOperationOutcome', async () => message({ kind: 'replace', result: await api.replaceSm(request) })),
      runRawPdu: (request) => track('rawPduOutcome', async () => ({ status: 'done', value: await api.sendRawPdu(request) })),
      runDataSm: (request) => track('dataSmOutcome', async () => ({ status: 'done', value: await api.dataSm(request) })),
    };
  };
}

/** Hex as the sender shows it: the 16-octet header as four words, then the body in lines of 16 octets. */
function groupOctets(hex: string): string {
  const header = (hex.slice(0, 32).match(/.{1,8}/g) ?? []).join(' ');
  const body = (hex.slice(32).match(/.{1,32}/g) ?? []).map((line) => line.replace(/(..)(?!$)/g, '$1 '));
  return [header, ...body].join('\n');
}
