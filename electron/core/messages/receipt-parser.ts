// Delivery receipts, read the way they arrive in the wild: the Appendix B text with its variants (upper-case
// keys, `Text:`, seconds in dates, missing sub/dlvrd, extra fields), and the TLVs that win over the text when
// present (receipted_message_id, message_state).
import type { DefaultAlphabet, ReceiptStat, ReceiptView } from '../../../shared/contract';
import { decodeUserData, type ParsedUdh } from '../../../shared/message-parts';
import { decodeShortMessage } from '../../../shared/text-codec';
import { tlvValue, type Pdu } from '../smpp/pdu-codec';
import { MESSAGE_STATE } from '../smpp/smpp-tables';

export interface ReceiptText {
  id: string | null;
  sub: string | null;
  dlvrd: string | null;
  submitDate: string | null;
  doneDate: string | null;
  stat: string | null;
  err: string | null;
  text: string | null;
}

// Any `word:` after a space starts a field, so vendor extras (mccmnc:…, sms_cost:…) end the value before them.
const RECEIPT_KEY = /(?:^|\s)(submit date|done date|[a-z][a-z0-9_]*)\s*:/gi;
const KNOWN_KEYS: Record<string, keyof ReceiptText> = {
  id: 'id', sub: 'sub', dlvrd: 'dlvrd', 'submit date': 'submitDate', 'done date': 'doneDate', stat: 'stat', err: 'err', text: 'text',
};

/** One `key:value` of a receipt's text, with where its value sits (character indexes into the text). */
export interface ReceiptTextSpan {
  key: string;
  /** Where `key:` starts. */
  start: number;
  valueStart: number;
  valueEnd: number;
}

/** Every `key:value` in receipt text, in order; `text:` takes the rest of the input, whatever it contains. */
export function receiptTextSpans(input: string): ReceiptTextSpan[] {
  const found: ReceiptTextSpan[] = [];
  for (const match of input.matchAll(RECEIPT_KEY)) {
    const key = match[1]!.toLowerCase();
    const previous = found.at(-1);
    if (previous) previous.valueEnd = match.index;
    found.push({ key, start: match.index, valueStart: match.index + match[0].length, valueEnd: input.length });
    if (key === 'text') break; // the rest is the message's text, whatever it contains
  }
  return found;
}

/** Parses receipt text; null when it has neither an id nor a stat (then it is not a receipt's text). */
export function parseReceiptText(input: string): ReceiptText | null {
  const result: ReceiptText = { id: null, sub: null, dlvrd: null, submitDate: null, doneDate: null, stat: null, err: null, text: null };
  for (const span of receiptTextSpans(input)) {
    const raw = input.slice(span.valueStart, span.valueEnd);
    const value = span.key === 'text' ? raw : raw.trim();
    const slot = KNOWN_KEYS[span.key];
    if (slot && result[slot] === null) result[slot] = value;
  }
  if (result.id === null && result.stat === null) return null;
  return result;
}

/** message_state TLV values as the stat words receipts use (SKIPPED has none: it reads as UNKNOWN). */
const MESSAGE_STATE_STAT: Record<number, ReceiptStat> = {
  [MESSAGE_STATE.ENROUTE]: 'ENROUTE', [MESSAGE_STATE.DELIVERED]: 'DELIVRD', [MESSAGE_STATE.EXPIRED]: 'EXPIRED',
  [MESSAGE_STATE.DELETED]: 'DELETED', [MESSAGE_STATE.UNDELIVERABLE]: 'UNDELIV', [MESSAGE_STATE.ACCEPTED]: 'ACCEPTD',
  [MESSAGE_STATE.UNKNOWN]: 'UNKNOWN', [MESSAGE_STATE.REJECTED]: 'REJECTD',
};

const ESM_CLASS_TYPE_MASK = 0x3c;
const RECEIPT_TYPES = new Set([0x04 /* SMSC delivery receipt */, 0x20 /* intermediate notification */]);

export function isReceipt(pdu: Pdu): boolean {
  return RECEIPT_TYPES.has(Number(pdu.fields.esm_class ?? 0) & ESM_CLASS_TYPE_MASK);
}

/** The text a deliver_sm / data_sm carries, from short_message or else message_payload, by its data_coding. */
export function deliveredText(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): string {
  return userDataOf(pdu, defaultAlphabet).text;
}

/** The text and the UDH (concatenation, national tables) of a submit_sm / deliver_sm / data_sm. */
export function userDataOf(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7', maxOctets = Infinity): { text: string; udh: ParsedUdh | null } {
  const short = pdu.fields.short_message;
  const payload = tlvValue(pdu, 'message_payload');
  const whole = Buffer.isBuffer(short) && short.length > 0 ? short : Buffer.isBuffer(payload) ? payload : Buffer.alloc(0);
  // Only what is shown needs decoding (a UDH, when there is one, is at most 256 octets ahead of it).
  const bytes = whole.length > maxOctets + 256 ? whole.subarray(0, maxOctets + 256) : whole;
  return decodeUserData(bytes, Number(pdu.fields.data_coding ?? 0), Number(pdu.fields.esm_class ?? 0), (body, dataCoding) =>
    decodeShortMessage(body, dataCoding, defaultAlphabet),
  );
}

/** The receipt a PDU carries: TLVs win over text fields; null when neither names a message. */
export function receiptOf(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): ReceiptView | null {
  const parsed = parseReceiptText(deliveredText(pdu, defaultAlphabet));
  const tlvId = tlvValue(pdu, 'receipted_message_id');
  const tlvState = tlvValue(pdu, 'message_state');
  const messageId = typeof tlvId === 'string' && tlvId !== '' ? tlvId : parsed?.id;
  if (!messageId) return null;
  const stat = (typeof tlvState === 'number' ? MESSAGE_STATE_STAT[tlvState] : undefined) ?? parsed?.stat?.toUpperCase() ?? 'UNKNOWN';
  return { messageId, stat, err: parsed?.err ?? null, submitDate: parsed?.submitDate ?? null, doneDate: parsed?.doneDate ?? null };
}

/** A part's place in its concatenated message: from the UDH when it has one, else from SAR TLVs; null for neither. */
export function concatOf(pdu: Pdu, udh: ParsedUdh | null): { reference: number; total: number; sequence: number } | null {
  if (udh?.concat) return udh.concat;
  const total = tlvValue(pdu, 'sar_total_segments');
  const sequence = tlvValue(pdu, 'sar_segment_seqnum');
  if (typeof total !== 'number' || typeof sequence !== 'number') return null;
  return { reference: Number(tlvValue(pdu, 'sar_msg_ref_num') ?? 0), total, sequence };
}
