// Receipts do not always spell a message_id the way submit_sm_resp did: some SMSCs answer in hex and report in
// decimal (or the reverse), pad with zeros, or change case. Matching tries the literal spelling first and only
// then these conversions, so an exact match always wins over a converted one.
import type { ReceiptIdFormat } from './contract';

/** The stored form: lower case, leading zeros dropped (so "00ab" and "AB" meet). */
export function normaliseMessageId(id: string): string {
  const lower = id.trim().toLowerCase();
  const stripped = lower.replace(/^0+(?=.)/, '');
  return stripped;
}

/**
 * What to look a receipt's id up by, as the profile says the SMSC writes it: the id as sent (normalised), and the
 * converted spellings — tried only when the literal one finds nothing ('auto'), never ('as-sent'), or alone ('hex',
 * 'decimal': the receipt is known to write it that way, so a literal match would be another message's).
 */
export function receiptIdLookup(id: string, format: ReceiptIdFormat): { literal: string | null; converted: string[] } {
  const base = normaliseMessageId(id);
  if (format === 'as-sent') return { literal: base, converted: [] };
  if (format === 'auto') {
    const [literal, ...converted] = messageIdCandidates(id);
    return { literal: literal!, converted };
  }
  // hex: the receipt's hex id is the response's decimal one; decimal: the receipt's decimal id is the response's hex.
  const converted = format === 'hex' ? hexToDecimal(base) : decimalToHex(base);
  return { literal: null, converted: converted === null ? [] : [converted] };
}

/** How receipts would spell a submit_sm_resp's id, normalised (for receipts that came before their response). */
export function receiptSpellingOf(responseId: string, format: ReceiptIdFormat): string | null {
  const base = normaliseMessageId(responseId);
  if (format === 'auto' || format === 'as-sent') return base;
  return format === 'hex' ? decimalToHex(base) : hexToDecimal(base);
}

/** Normalised spellings to look a receipt's id up by, most literal first. */
export function messageIdCandidates(id: string): string[] {
  const base = normaliseMessageId(id);
  const candidates = [base];
  for (const converted of [decimalToHex(base), hexToDecimal(base)]) if (converted !== null) candidates.push(converted);
  return [...new Set(candidates)];
}

/** A normalised decimal id of at most 20 digits (as many as a 64-bit number has) in hex; null for anything else. */
function decimalToHex(base: string): string | null {
  return /^[0-9]{1,20}$/.test(base) ? BigInt(base).toString(16) : null;
}

/** A normalised hex id of at most 16 digits (64 bits) in decimal; null for anything else. */
function hexToDecimal(base: string): string | null {
  return /^[0-9a-f]{1,16}$/.test(base) ? BigInt(`0x${base}`).toString(10) : null;
}
