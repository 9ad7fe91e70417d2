// A delivery receipt's text (SMPP v3.4 Appendix B) split into its fields, each linked to its octets, with the
// dates read and stat explained. Vendor extras (mccmnc:…) show by their own key.
import type { DissectNode } from '../../../../shared/contract';
import { receiptTextSpans } from '../../messages/receipt-parser';

const STATS: Record<string, string> = {
  DELIVRD: 'delivered', EXPIRED: 'validity period expired', DELETED: 'deleted', UNDELIV: 'undeliverable', ACCEPTD: 'accepted (manually read on behalf of the subscriber)',
  UNKNOWN: 'unknown state', REJECTD: 'rejected', ENROUTE: 'en route (intermediate)',
};

/** Receipt dates are YYMMDDhhmm, often with ss; the SMSC's local time, no zone. */
function explainReceiptDate(value: string): string {
  const match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(value);
  if (!match) return `${JSON.stringify(value)} — not YYMMDDhhmm[ss]`;
  const [, yy, mo, dd, hh, mi, ss] = match;
  return `${JSON.stringify(value)} 20${yy}-${mo}-${dd} ${hh}:${mi}${ss ? `:${ss}` : ''} (SMSC local time)`;
}

function explainValue(key: string, value: string): string {
  if (key === 'submit date' || key === 'done date') return explainReceiptDate(value);
  if (key === 'stat') return `${JSON.stringify(value)} ${STATS[value.toUpperCase()] ?? 'not a v3.4 stat word'}`;
  if (key === 'sub' || key === 'dlvrd') return `${JSON.stringify(value)} ${key === 'sub' ? 'parts submitted' : 'parts delivered'}`;
  if (key === 'err') return `${JSON.stringify(value)} network-specific error code`;
  return JSON.stringify(value);
}

/**
 * One node per `key:value` of the text; `starts[i]` is where character i's octets begin within the text and `at`
 * the text's offset in the PDU, `octets` its length there. Nothing when the text is not receipt-shaped (no id and no stat).
 */
export function receiptNodes(text: string, starts: number[], at: number, octets: number): DissectNode[] {
  const spans = receiptTextSpans(text);
  if (!spans.some((span) => span.key === 'id' || span.key === 'stat')) return [];
  const octet = (index: number, fallback: number) => at + (starts[index] ?? fallback);
  const end = at + octets;
  return spans.map((span) => {
    const raw = text.slice(span.valueStart, span.valueEnd);
    const value = span.key === 'text' ? raw : raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const from = octet(span.valueStart + (span.key === 'text' ? 0 : lead), end - at);
    const to = span.key === 'text' ? end : octet(span.valueStart + lead + value.length, end - at);
    return { label: span.key, value: explainValue(span.key, value), offset: from, length: Math.max(0, Math.min(to, end) - from) };
  });
}
