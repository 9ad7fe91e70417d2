// How decoded values read in the trace: numbers in hex and decimal, C-strings quoted with escapes, octet
// strings as hex, and short_message / message_payload also as text decoded by the PDU's data_coding.
import type { DefaultAlphabet } from '../../../shared/contract';
import { decodeShortMessage } from '../../../shared/text-codec';
import type { Pdu, PduValue } from '../smpp/pdu-codec';

const TEXT_FIELDS = new Set(['short_message', 'message_payload']);

export function formatFieldValue(name: string, value: PduValue, pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): string {
  if (typeof value === 'number') return `0x${value.toString(16).padStart(2, '0')} (${value})`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) {
    const hex = value.toString('hex').replace(/(..)(?!$)/g, '$1 ');
    if (!TEXT_FIELDS.has(name) || value.length === 0) return value.length === 0 ? '(empty)' : hex;
    const text = decodeShortMessage(value, Number(pdu.fields.data_coding ?? 0), defaultAlphabet);
    return `${JSON.stringify(text)} · ${value.length} octets · ${hex}`;
  }
  return JSON.stringify(value);
}
