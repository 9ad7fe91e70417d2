// The settings a new profile starts from, shared by the profile form and the main side (which fills any field
// an imported profile leaves out from here too).
import type { ProfileSettings } from './contract';

export const DEFAULT_PROFILE_SETTINGS: ProfileSettings = {
  name: 'New SMSC',
  host: '127.0.0.1',
  port: 2775,
  connectMode: 'connect',
  outbindPort: 2776,
  outbindAddress: '',
  outbindSystemId: '',
  tls: { enabled: false, acceptUntrusted: false, caFile: '', certFile: '', keyFile: '' },
  bindMode: 'transceiver',
  systemId: '',
  systemType: '',
  interfaceVersion: 0x34,
  addrTon: 0,
  addrNpi: 0,
  addressRange: '',
  enquireLinkIntervalMs: 30_000,
  enquireLinkMisses: 3,
  responseTimeoutMs: 10_000,
  windowSize: 10,
  maxSubmitRate: 0,
  throttleRetries: 3,
  submitMulti: false,
  defaultSplit: 'udh8',
  reconnect: { enabled: true, minBackoffMs: 1_000, maxBackoffMs: 60_000 },
  defaultAlphabet: 'gsm7',
  receiptIds: 'auto',
  notes: '',
};

/** TON and NPI values by name (SMPP v3.4 §5.2.5–5.2.6), for named choices in forms. */
export const TON_NAMES: Record<number, string> = {
  0: 'Unknown', 1: 'International', 2: 'National', 3: 'Network specific', 4: 'Subscriber number', 5: 'Alphanumeric', 6: 'Abbreviated',
};
export const NPI_NAMES: Record<number, string> = {
  0: 'Unknown', 1: 'ISDN (E.163/E.164)', 3: 'Data (X.121)', 4: 'Telex (F.69)', 6: 'Land mobile (E.212)', 8: 'National',
  9: 'Private', 10: 'ERMES', 14: 'Internet (IP)', 18: 'WAP client id',
};
