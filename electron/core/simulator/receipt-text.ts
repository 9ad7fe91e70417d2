// The delivery receipt text an SMSC writes, in the de facto format of SMPP v3.4 Appendix B.
import type { ReceiptStat } from '../../../shared/contract';
import { absoluteSmppTime } from '../../../shared/smpp-time';

export interface ReceiptTextFields {
  messageId: string;
  submitted: number;
  delivered: number;
  submitDate: Date;
  doneDate: Date;
  stat: ReceiptStat;
  err: number;
  text: string;
}

/** How much of the original message the text: field quotes. */
export const RECEIPT_TEXT_CHARS = 20;

/** YYMMDDhhmm in UTC, as Appendix B writes receipt dates: the first ten digits of SMPP's absolute time. */
function receiptDate(date: Date): string {
  return absoluteSmppTime(date).slice(0, 10);
}

export function formatReceiptText(fields: ReceiptTextFields): string {
  const three = (n: number) => String(n).padStart(3, '0');
  return (
    `id:${fields.messageId} sub:${three(fields.submitted)} dlvrd:${three(fields.delivered)} ` +
    `submit date:${receiptDate(fields.submitDate)} done date:${receiptDate(fields.doneDate)} ` +
    `stat:${fields.stat} err:${three(fields.err)} text:${fields.text.slice(0, RECEIPT_TEXT_CHARS)}`
  );
}
