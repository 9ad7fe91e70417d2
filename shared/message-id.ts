// Receipts do not always spell a message_id the way submit_sm_resp did: some SMSCs answer in hex and report in
// decimal (or the reverse), pad with zeros, or change case. Matching tries the literal spelling first and only
// then these conversions, so an exact match always wins over a converted one.

/** The stored form: lower case, leading zeros dropped (so "00ab" and "AB" meet). */
export function normaliseMessageId(id: string): string {
  const lower = id.trim().toLowerCase();
  const stripped = lower.replace(/^0+(?=.)/, '');
  return stripped;
}

/** Normalised spellings to look a receipt's id up by, most literal first. */
export function messageIdCandidates(id: string): string[] {
  const base = normaliseMessageId(id);
  const candidates = [base];
  if (/^[0-9]+$/.test(base) && base.length <= 20) candidates.push(BigInt(base).toString(16));
  if (/^[0-9a-f]+$/.test(base) && base.length <= 16) candidates.push(BigInt(`0x${base}`).toString(10));
  return [...new Set(candidates)];
}
