// Every input of the profile form, named by its ProfileSettings key path — the same names the main side puts in
// an error's `field` — with its visible label. The Record types make the compiler check that every setting has
// a labelled input: a field added to ProfileSettings without one here does not build.
import type { ProfileSettings, ReconnectPolicy, TlsSettings } from '../../../shared/contract';
import { maxCharacters, type C_STRING_OCTETS } from '../../../shared/smpp-limits';

type FlatSetting = Exclude<keyof ProfileSettings, 'tls' | 'reconnect'>;
export type FieldPath =
  | FlatSetting
  | `tls.${keyof TlsSettings}`
  | `reconnect.${keyof ReconnectPolicy}`
  | 'password'
  | 'clearPassword'
  | 'rememberPassword';

export type NumberPath =
  | 'port'
  | 'outbindPort'
  | 'enquireLinkIntervalMs'
  | 'enquireLinkMisses'
  | 'responseTimeoutMs'
  | 'windowSize'
  | 'maxSubmitRate'
  | 'throttleRetries'
  | 'reconnect.minBackoffMs'
  | 'reconnect.maxBackoffMs';

export const NUMBER_PATHS: readonly NumberPath[] = [
  'port',
  'outbindPort',
  'enquireLinkIntervalMs',
  'enquireLinkMisses',
  'responseTimeoutMs',
  'windowSize',
  'maxSubmitRate',
  'throttleRetries',
  'reconnect.minBackoffMs',
  'reconnect.maxBackoffMs',
];

export const FIELD_LABELS: Record<FieldPath, string> = {
  name: 'Name',
  host: 'Host',
  port: 'Port',
  connectMode: 'Connect mode',
  outbindPort: 'Outbind port',
  outbindAddress: 'Listen on (IP address)',
  outbindSystemId: 'Outbind system_id',
  'tls.enabled': 'Use TLS',
  'tls.acceptUntrusted': 'Accept self-signed or untrusted certificates',
  'tls.caFile': 'CA file',
  'tls.certFile': 'Client certificate file',
  'tls.keyFile': 'Client key file',
  bindMode: 'Bind mode',
  systemId: 'System ID',
  password: 'Password',
  clearPassword: 'Clear stored password',
  rememberPassword: 'Remember password (browser host: stored unencrypted in the data folder)',
  systemType: 'System type',
  interfaceVersion: 'Interface version',
  addrTon: 'addr_ton',
  addrNpi: 'addr_npi',
  addressRange: 'Address range',
  enquireLinkIntervalMs: 'Enquire link interval (ms)',
  enquireLinkMisses: 'Missed enquire links before the link is dead',
  responseTimeoutMs: 'Response timeout (ms)',
  windowSize: 'Window (max outstanding requests)',
  maxSubmitRate: 'Max submit rate (messages/s, 0 = unlimited)',
  throttleRetries: 'Retries after throttling',
  submitMulti: 'Use submit_multi for several recipients',
  defaultSplit: 'Long messages by default',
  'reconnect.enabled': 'Reconnect automatically',
  'reconnect.minBackoffMs': 'Backoff min (ms)',
  'reconnect.maxBackoffMs': 'Backoff max (ms)',
  defaultAlphabet: 'data_coding 0 means',
  receiptIds: 'Receipt ids',
  notes: 'Notes',
};

const ALL_PATHS = Object.keys(FIELD_LABELS) as FieldPath[];

/** Key paths compared loosely, so `system_id` or `draft.tls.caFile` still find their input. */
const loose = (path: string) => path.replace(/^draft\./, '').replaceAll('_', '').toLowerCase();

/** The form input an error's `field` names, or null when it names none of them. */
export function matchFieldPath(field: string | null): FieldPath | null {
  if (field === null) return null;
  const wanted = loose(field);
  return ALL_PATHS.find((path) => loose(path) === wanted) ?? null;
}

/** The form's C-Octet String inputs and the SMPP field whose limit applies to each. */
const C_STRING_FIELDS: Partial<Record<FieldPath, keyof typeof C_STRING_OCTETS>> = {
  systemId: 'system_id',
  outbindSystemId: 'system_id',
  password: 'password',
  systemType: 'system_type',
  addressRange: 'address_range',
};

export interface LimitCheck {
  hint: string;
  over: boolean;
}

/**
 * The live hint under a C-Octet String input. The input itself is never capped (maxLength would silently cut a
 * paste short); an over-long value is marked and still sent, so the main side's error names field and limit.
 */
export function checkLimit(path: FieldPath, value: string): LimitCheck | null {
  const smppField = C_STRING_FIELDS[path];
  if (smppField === undefined) return null;
  const max = maxCharacters(smppField);
  const length = [...value].length;
  const over = length > max;
  return { over, hint: over ? `${length} characters — ${max} at most` : `${max} characters at most` };
}
