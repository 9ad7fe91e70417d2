// Delivery receipts, read the way they arrive in the wild: the Appendix B text with its variants (upper-case
// keys, `Text:`, seconds in dates, missing sub/dlvrd, extra fields), and the TLVs that win over the text when
// present (receipted_message_id, message_state).
import type { DefaultAlphabet, ReceiptStat, ReceiptView } from '../../../shared/contract';
import { normaliseMessageId } from '../../../shared/message-id';
import { decodeUserData, parseUdh, type ParsedUdh } from '../../../shared/message-parts';
import { normaliseReceiptStat } from '../../../shared/receipt-stat';
import { decodeShortMessage, textAlphabetOf } from '../../../shared/text-codec';
import { tlvValue, type Pdu } from '../smpp/pdu-codec';
import { STAT_MESSAGE_STATE, messageStateName } from '../smpp/smpp-tables';

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

/** message_state TLV values as the stat words receipts use (SKIPPED, v5.0, has none: the message is left as it is). */
const MESSAGE_STATE_STAT = new Map<number, ReceiptStat>(
  Object.entries(STAT_MESSAGE_STATE).map(([stat, state]) => [state, stat as ReceiptStat]),
);

const ESM_CLASS_TYPE_MASK = 0x3c;
const RECEIPT_TYPES = new Set([0x04 /* SMSC delivery receipt */, 0x20 /* intermediate notification */]);

export function isReceipt(pdu: Pdu): boolean {
  return RECEIPT_TYPES.has(Number(pdu.fields.esm_class ?? 0) & ESM_CLASS_TYPE_MASK);
}

/** The text a deliver_sm / data_sm carries, from short_message or else message_payload, by its data_coding. */
export function deliveredText(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): string {
  return userDataOf(pdu, defaultAlphabet).text;
}

/** The user data octets: short_message, else message_payload. */
function userDataBytes(pdu: Pdu): Buffer {
  const short = pdu.fields.short_message;
  const payload = tlvValue(pdu, 'message_payload');
  return Buffer.isBuffer(short) && short.length > 0 ? short : Buffer.isBuffer(payload) ? payload : Buffer.alloc(0);
}

/** The text and the UDH (concatenation, national tables) of a submit_sm / deliver_sm / data_sm. */
export function userDataOf(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7', maxOctets = Infinity): { text: string; udh: ParsedUdh | null } {
  const whole = userDataBytes(pdu);
  // Only what is shown needs decoding (a UDH, when there is one, is at most 256 octets ahead of it).
  const bytes = whole.length > maxOctets + 256 ? whole.subarray(0, maxOctets + 256) : whole;
  return decodeUserData(bytes, Number(pdu.fields.data_coding ?? 0), Number(pdu.fields.esm_class ?? 0), (body, dataCoding) =>
    decodeShortMessage(body, dataCoding, defaultAlphabet),
  );
}

/**
 * A receipt's text, fields and all. The keys and values (id, stat, dates, err) are ASCII whatever data_coding
 * says — SMSCs write them so, and read as GSM an id's "_" would become "§" and match nothing — so a one-octet
 * alphabet's text is parsed octet for octet; only its text: field (the start of the message) is decoded by the
 * data_coding. A UCS-2 receipt is parsed as decoded.
 */
function receiptTextOf(pdu: Pdu, defaultAlphabet: DefaultAlphabet): ReceiptText | null {
  const whole = userDataBytes(pdu);
  const udh = Number(pdu.fields.esm_class ?? 0) & 0x40 ? parseUdh(whole) : null;
  const body = udh ? whole.subarray(udh.length) : whole;
  const dataCoding = Number(pdu.fields.data_coding ?? 0);
  if (textAlphabetOf(dataCoding, defaultAlphabet) === 'ucs2') return parseReceiptText(deliveredText(pdu, defaultAlphabet));
  const octetWise = body.toString('latin1');
  const parsed = parseReceiptText(octetWise);
  if (!parsed || parsed.text === null) return parsed;
  const textStart = receiptTextSpans(octetWise).find((span) => span.key === 'text')!.valueStart;
  return { ...parsed, text: decodeShortMessage(body.subarray(textStart), dataCoding, defaultAlphabet) };
}

/**
 * The receipt a PDU carries: the TLVs (receipted_message_id, message_state) win over the text, and where both are
 * there and disagree the disagreement is kept; null when neither names a message.
 */
export function receiptOf(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): ReceiptView | null {
  const parsed = receiptTextOf(pdu, defaultAlphabet);
  const tlvId = tlvValue(pdu, 'receipted_message_id');
  const tlvState = tlvValue(pdu, 'message_state');
  const idFromTlv = typeof tlvId === 'string' && tlvId !== '' ? tlvId : null;
  const smscMessageId = idFromTlv ?? parsed?.id;
  if (!smscMessageId) return null;
  const textStat = parsed?.stat ? normaliseReceiptStat(parsed.stat) : null;
  const stateStat = typeof tlvState === 'number' ? (MESSAGE_STATE_STAT.get(tlvState) ?? null) : null;
  const conflicts: string[] = [];
  if (idFromTlv && parsed?.id && normaliseMessageId(parsed.id) !== normaliseMessageId(idFromTlv)) {
    conflicts.push(`receipted_message_id ${idFromTlv} (used) ≠ text id:${parsed.id}`);
  }
  if (typeof tlvState === 'number' && parsed?.stat && stateStat !== textStat) {
    conflicts.push(`message_state ${messageStateName(tlvState)} (used) ≠ text stat:${parsed.stat}`);
  }
  return {
    smscMessageId,
    stat: typeof tlvState === 'number' ? stateStat : textStat,
    statText: parsed?.stat ?? (typeof tlvState === 'number' ? messageStateName(tlvState) : null),
    err: parsed?.err ?? null,
    submitDate: parsed?.submitDate ?? null,
    doneDate: parsed?.doneDate ?? null,
    text: parsed?.text ?? null,
    conflict: conflicts.length ? conflicts.join('; ') : null,
  };
}

/** A part's place in its concatenated message: from the UDH when it has one, else from SAR TLVs; null for neither. */
export function concatOf(pdu: Pdu, udh: ParsedUdh | null): { reference: number; total: number; sequence: number } | null {
  if (udh?.concat) return udh.concat;
  const total = tlvValue(pdu, 'sar_total_segments');
  const sequence = tlvValue(pdu, 'sar_segment_seqnum');
  if (typeof total !== 'number' || typeof sequence !== 'number') return null;
  return { reference: Number(tlvValue(pdu, 'sar_msg_ref_num') ?? 0), total, sequence };
}
