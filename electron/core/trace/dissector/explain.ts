// What a field's value means, in SMPP's words: names for numbers (command_id, TON/NPI, message_state,
// interface_version, priority), bit fields broken into their parts (esm_class, registered_delivery, data_coding),
// SMPP times as dates. Each explanation may add child nodes at the field's own bytes (bits cannot be linked to less
// than their byte).
import type { DefaultAlphabet, DissectNode } from '../../../../shared/contract';
import { NPI_NAMES, TON_NAMES } from '../../../../shared/profile-defaults';
import { commandName, messageStateName, statusName } from '../../smpp/smpp-tables';
import { statusMeaning } from './status-meanings';

export interface Explained {
  value: string;
  children?: DissectNode[];
}

const hex = (n: number, width = 2) => `0x${n.toString(16).padStart(width, '0')}`;
const bits = (offset: number, label: string, value: string): DissectNode => ({ label, value, offset, length: 1 });

const MESSAGING_MODES = ['default (store and forward)', 'datagram', 'forward (transaction)', 'store and forward'];
const MESSAGE_TYPES: Record<number, string> = {
  0x00: 'default message type', 0x04: 'SMSC delivery receipt', 0x08: 'SME delivery acknowledgement', 0x10: 'SME manual/user acknowledgement',
  0x18: 'conversation abort (Korean CDMA)', 0x20: 'intermediate delivery notification',
};
const RECEIPT_REQUESTS = ['no SMSC delivery receipt', 'receipt on success or failure', 'receipt on failure only', 'receipt on success only (v5.0)'];
const SME_ACKS = ['no SME acknowledgement', 'SME delivery acknowledgement', 'SME user acknowledgement', 'both SME acknowledgements'];
const PRIORITIES = ['lowest (GSM: non-priority)', 'GSM: priority', 'GSM: priority', 'highest (GSM: priority)'];
const INTERFACE_VERSIONS: Record<number, string> = { 0x33: 'SMPP 3.3', 0x34: 'SMPP 3.4', 0x50: 'SMPP 5.0' };
const ALPHABETS: Record<number, string> = {
  0x00: 'SMSC default alphabet', 0x01: 'IA5 (CCITT T.50) / ASCII', 0x02: '8-bit binary', 0x03: 'Latin-1 (ISO-8859-1)', 0x04: '8-bit binary',
  0x05: 'JIS (X 0208-1990)', 0x06: 'Cyrillic (ISO-8859-5)', 0x07: 'Latin/Hebrew (ISO-8859-8)', 0x08: 'UCS-2 (ISO/IEC-10646)',
  0x09: 'Pictogram encoding', 0x0a: 'ISO-2022-JP (music codes)', 0x0d: 'Extended Kanji JIS (X 0212-1990)', 0x0e: 'KS C 5601',
};
const NETWORK_TYPES: Record<number, string> = { 1: 'ANSI-136', 2: 'IS-95', 3: 'GSM', 4: 'reserved' };
const DEFAULT_ALPHABET_WORDS: Record<DefaultAlphabet, string> = { gsm7: 'GSM 03.38', latin1: 'Latin-1', ia5: 'IA5/ASCII' };

/** data_coding by its group (3GPP TS 23.038 §4 for the 0xF0–0xFF message class group; SMPP v3.4 §5.2.19 below). */
export function explainDataCoding(dc: number, offset: number, alphabet: DefaultAlphabet): Explained {
  if (dc === 0x00) {
    return { value: `${hex(dc)} SMSC default alphabet — this profile reads it as ${DEFAULT_ALPHABET_WORDS[alphabet]}` };
  }
  if ((dc & 0xf0) === 0xf0) {
    const eightBit = (dc & 0x04) !== 0;
    return {
      value: `${hex(dc)} message class group: ${eightBit ? '8-bit data' : 'GSM 7-bit'}, class ${dc & 0x03}${(dc & 0x03) === 0 ? ' (flash)' : ''}`,
      children: [bits(offset, 'bit 2 alphabet', eightBit ? '8-bit data' : 'GSM 7-bit default'), bits(offset, 'bits 1–0 message class', String(dc & 0x03))],
    };
  }
  if ((dc & 0xc0) === 0x00 && (dc & 0x30) !== 0) {
    // General data coding group (TS 23.038): bit 5 compressed, bit 4 class meaningful, bits 3–2 alphabet, 1–0 class.
    const alphabets = ['GSM 7-bit default', '8-bit data', 'UCS-2', 'reserved'];
    const classed = (dc & 0x10) !== 0;
    return {
      value: `${hex(dc)} general group: ${alphabets[(dc >> 2) & 0x03]}${classed ? `, class ${dc & 0x03}${(dc & 0x03) === 0 ? ' (flash)' : ''}` : ''}${dc & 0x20 ? ', compressed' : ''}`,
      children: [
        bits(offset, 'bit 5 compressed', dc & 0x20 ? 'yes' : 'no'),
        bits(offset, 'bit 4 message class present', classed ? 'yes' : 'no'),
        bits(offset, 'bits 3–2 alphabet', alphabets[(dc >> 2) & 0x03]!),
        bits(offset, 'bits 1–0 message class', classed ? String(dc & 0x03) : '(not used)'),
      ],
    };
  }
  return { value: `${hex(dc)} ${ALPHABETS[dc] ?? 'reserved'}` };
}

/** SMPP time (v3.4 §7.1.1): absolute with its UTC offset, or relative. */
export function explainSmppTime(value: string): string {
  if (value === '') return '(empty: none, the SMSC default)';
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d)(\d{2})([+\-R])$/.exec(value);
  if (!match) return `${JSON.stringify(value)} — not an SMPP time (YYMMDDhhmmsstnnp)`;
  const [, yy, mo, dd, hh, mi, ss, t, nn, p] = match as unknown as string[];
  if (p === 'R') {
    const parts = [[yy, 'y'], [mo, 'mo'], [dd, 'd'], [hh, 'h'], [mi, 'min'], [ss, 's']].filter(([n]) => Number(n) > 0);
    return `${JSON.stringify(value)} relative: ${parts.length ? parts.map(([n, unit]) => `${Number(n)} ${unit}`).join(' ') : '0 s'} from when the SMSC receives it`;
  }
  const offsetMinutes = Number(nn) * 15 * (p === '-' ? -1 : 1);
  const local = Date.UTC(2000 + Number(yy), Number(mo) - 1, Number(dd), Number(hh), Number(mi), Number(ss), Number(t) * 100);
  const utc = new Date(local - offsetMinutes * 60_000).toISOString().replace('.000Z', 'Z');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${JSON.stringify(value)} absolute: 20${yy}-${mo}-${dd} ${hh}:${mi}:${ss}.${t} UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')} = ${utc}`;
}

/** A mandatory field's or TLV's value explained; null to let the caller format it plainly. */
export function explain(name: string, value: unknown, offset: number, alphabet: DefaultAlphabet): Explained | null {
  if (typeof value === 'number') {
    switch (name) {
      case 'command_id':
        return { value: `${hex(value, 8)} ${commandName(value)}` };
      case 'command_status':
        return { value: `${hex(value, 8)} ${statusName(value)} — ${statusMeaning(value)}` };
      case 'source_addr_ton':
      case 'dest_addr_ton':
      case 'addr_ton':
      case 'esme_addr_ton':
        return { value: `${value} ${TON_NAMES[value] ?? 'reserved'}` };
      case 'source_addr_npi':
      case 'dest_addr_npi':
      case 'addr_npi':
      case 'esme_addr_npi':
        return { value: `${value} ${NPI_NAMES[value] ?? 'reserved'}` };
      case 'esm_class': {
        const type = value & 0x3c;
        return {
          value: `${hex(value)} ${MESSAGING_MODES[value & 0x03]}, ${MESSAGE_TYPES[type] ?? `type ${hex(type)}`}${value & 0x40 ? ', UDH indicator' : ''}${value & 0x80 ? ', reply path' : ''}`,
          children: [
            bits(offset, 'bits 1–0 messaging mode', `${value & 0x03} ${MESSAGING_MODES[value & 0x03]}`),
            bits(offset, 'bits 5–2 message type', `${hex(type)} ${MESSAGE_TYPES[type] ?? 'reserved'}`),
            bits(offset, 'bit 6 UDHI', value & 0x40 ? '1: short_message starts with a UDH' : '0: no UDH'),
            bits(offset, 'bit 7 reply path', value & 0x80 ? '1: reply path set' : '0: not set'),
          ],
        };
      }
      case 'registered_delivery':
        return {
          value: `${hex(value)} ${RECEIPT_REQUESTS[value & 0x03]}${value & 0x0c ? `, ${SME_ACKS[(value >> 2) & 0x03]}` : ''}${value & 0x10 ? ', intermediate notification' : ''}`,
          children: [
            bits(offset, 'bits 1–0 SMSC delivery receipt', RECEIPT_REQUESTS[value & 0x03]!),
            bits(offset, 'bits 3–2 SME originated acknowledgement', SME_ACKS[(value >> 2) & 0x03]!),
            bits(offset, 'bit 4 intermediate notification', value & 0x10 ? 'requested' : 'not requested'),
          ],
        };
      case 'data_coding':
        return explainDataCoding(value, offset, alphabet);
      case 'priority_flag':
        return { value: `${value} ${PRIORITIES[value] ?? 'reserved'}` };
      case 'interface_version':
      case 'sc_interface_version':
        return { value: `${hex(value)} ${INTERFACE_VERSIONS[value] ?? 'unknown version'}` };
      case 'message_state':
        return { value: `${value} ${messageStateName(value)}` };
      case 'replace_if_present_flag':
        return { value: `${value} ${value === 1 ? 'replace' : value === 0 ? "don't replace" : 'reserved'}` };
      case 'ms_availability_status':
        return { value: `${value} ${['available', 'denied', 'unavailable'][value] ?? 'reserved'}` };
      case 'more_messages_to_send':
        return { value: `${value} ${value === 1 ? 'more messages follow' : 'no more messages'}` };
      case 'delivery_failure_reason':
        return { value: `${value} ${['destination unavailable', 'destination address invalid', 'permanent network error', 'temporary network error'][value] ?? 'reserved'}` };
      case 'sar_msg_ref_num':
      case 'sar_total_segments':
      case 'sar_segment_seqnum':
      case 'source_port':
      case 'dest_port':
        return { value: String(value) };
      default:
        return null;
    }
  }
  if (typeof value === 'string') {
    if (name === 'schedule_delivery_time' || name === 'validity_period' || name === 'final_date') return { value: explainSmppTime(value) };
    return null;
  }
  if (Buffer.isBuffer(value) && name === 'network_error_code' && value.length === 3) {
    const type = value[0]!;
    const code = value.readUInt16BE(1);
    return {
      value: `${NETWORK_TYPES[type] ?? `network type ${type}`} error ${code} (${hex(code, 4)})`,
      children: [
        { label: 'network type', value: `${type} ${NETWORK_TYPES[type] ?? 'reserved'}`, offset, length: 1 },
        { label: 'error code', value: `${code} (${hex(code, 4)})`, offset: offset + 1, length: 2 },
      ],
    };
  }
  return null;
}
