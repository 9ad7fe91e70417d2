// The TLV editor's rows: a tag picked by name (or typed as hex for tags the console does not name) and a value
// as hex. The named tags are the optional submit_sm parameters of SMPP v3.4 §4.4.1 that a person sets by hand;
// message_payload and the sar_* tags are left out because the Long messages choice already sends them.
import type { RawTlv } from '../../../shared/contract';
import { compactHex } from './hex';
import type { Choice } from './compose-options';

export interface TlvRow {
  /** Stable across removals, so React keeps each row's inputs with their row. */
  key: number;
  /** A named tag as "0x0204", or OTHER_TAG. */
  tag: string;
  /** The hex tag typed when `tag` is OTHER_TAG. */
  otherTag: string;
  /** The value as hex octets; whitespace allowed. */
  hex: string;
}

export const OTHER_TAG = 'other';

const KNOWN_TLV_TAGS: readonly [number, string][] = [
  [0x0204, 'user_message_reference'],
  [0x020a, 'source_port'],
  [0x020b, 'destination_port'],
  [0x020d, 'language_indicator'],
  [0x0005, 'dest_addr_subunit'],
  [0x0006, 'dest_network_type'],
  [0x0007, 'dest_bearer_type'],
  [0x0008, 'dest_telematics_id'],
  [0x000d, 'source_addr_subunit'],
  [0x000e, 'source_network_type'],
  [0x000f, 'source_bearer_type'],
  [0x0010, 'source_telematics_id'],
  [0x0017, 'qos_time_to_live'],
  [0x0019, 'payload_type'],
  [0x0030, 'ms_msg_wait_facilities'],
  [0x0201, 'privacy_indicator'],
  [0x0202, 'source_subaddress'],
  [0x0203, 'dest_subaddress'],
  [0x0205, 'user_response_code'],
  [0x0302, 'callback_num_pres_ind'],
  [0x0303, 'callback_num_atag'],
  [0x0304, 'number_of_messages'],
  [0x0381, 'callback_num'],
  [0x0421, 'set_dpf'],
  [0x0426, 'more_messages_to_send'],
  [0x0501, 'ussd_service_op'],
  [0x1201, 'display_time'],
  [0x1203, 'sms_signal'],
  [0x1204, 'ms_validity'],
  [0x130c, 'alert_on_message_delivery'],
  [0x1380, 'its_reply_type'],
  [0x1383, 'its_session_info'],
];

/** "0x020A": how tags are written in the spec and in the trace. */
export function tagHex(tag: number): string {
  return `0x${tag.toString(16).padStart(4, '0').toUpperCase()}`;
}

export const TLV_TAG_CHOICES: readonly Choice<string>[] = [
  ...KNOWN_TLV_TAGS.map(([tag, name]) => ({ value: tagHex(tag), label: `${name} (${tagHex(tag)})` })),
  { value: OTHER_TAG, label: 'Other (hex tag)' },
];

/** A new row starts on the tag engineers reach for first; its value is theirs to type. */
export function newTlvRow(key: number): TlvRow {
  return { key, tag: tagHex(0x0204), otherTag: '', hex: '' };
}

/** The row's tag as a number, or why the typed hex is not one. */
export function resolveTag(row: TlvRow): { tag: number; problem: null } | { tag: null; problem: string } {
  const typed = row.tag === OTHER_TAG ? row.otherTag.trim().replace(/^0x/i, '') : row.tag.replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{1,4}$/.test(typed)) {
    return { tag: null, problem: typed === '' ? 'type the tag in hex (e.g. 1400)' : `tag "${typed}" is not 1–4 hex digits` };
  }
  return { tag: Number.parseInt(typed, 16), problem: null };
}

/**
 * Named TLVs whose value is an integer, with its width in octets (SMPP v3.4 §5.3.2): these take a number, typed
 * as a person reads it, and go out big-endian in exactly that many octets. The rest take hex.
 */
const INTEGER_OCTETS: ReadonlyMap<number, number> = new Map([
  [0x0204, 2], [0x020a, 2], [0x020b, 2], [0x020d, 1], [0x0005, 1], [0x0006, 1], [0x0007, 1], [0x0008, 2], [0x000d, 1],
  [0x000e, 1], [0x000f, 1], [0x0010, 2], [0x0017, 4], [0x0019, 1], [0x0030, 1], [0x0201, 1], [0x0205, 1], [0x0302, 1],
  [0x0304, 1], [0x0421, 1], [0x0426, 1], [0x0501, 1], [0x1201, 1], [0x1203, 2], [0x1204, 1], [0x1380, 1],
]);

/** The integer width of the row's named tag, or null when its value is entered as hex. */
export function integerOctets(row: TlvRow): number | null {
  return row.tag === OTHER_TAG ? null : (INTEGER_OCTETS.get(Number.parseInt(row.tag.replace(/^0x/i, ''), 16)) ?? null);
}

/**
 * The row as the contract carries it, or why its value cannot be one: an integer TLV's number must fit its width;
 * hex digits are checked by the host, which names the field.
 */
export function toRawTlv(row: TlvRow, tag: number): { tlv: RawTlv; problem: null } | { tlv: null; problem: string } {
  const width = integerOctets(row);
  if (width === null) return { tlv: { tag, hex: compactHex(row.hex).toLowerCase() }, problem: null };
  const typed = row.hex.trim();
  const value = Number(typed);
  const max = 2 ** (8 * width) - 1;
  if (typed === '' || !Number.isInteger(value) || value < 0 || value > max) {
    return { tlv: null, problem: `value: a whole number 0–${max} (${width} octet${width > 1 ? 's' : ''})` };
  }
  return { tlv: { tag, hex: value.toString(16).padStart(width * 2, '0') }, problem: null };
}
