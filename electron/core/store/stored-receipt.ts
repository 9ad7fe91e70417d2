// A receipt as the inbox table stores it, read back as the contract's ReceiptView: one reading for the Inbox and
// for a message's timeline, so both say the same about one receipt.
import { receiptStats, type ReceiptStat, type ReceiptView } from '../../../shared/contract';

/** The inbox columns a receipt is stored in. */
export interface StoredReceiptColumns {
  receipt_smsc_message_id: string | null;
  receipt_stat: string | null;
  receipt_stat_text: string | null;
  receipt_err: string | null;
  receipt_submit_date: string | null;
  receipt_done_date: string | null;
  receipt_text: string | null;
  receipt_conflict: string | null;
}

/** A stored word as the union it was written from (a value outside it reads as none). */
export function storedAs<T extends string>(words: readonly T[], stored: string | null): T | null {
  return words.find((word) => word === stored) ?? null;
}

export const receiptStatOf = (stored: string | null): ReceiptStat | null => storedAs(receiptStats, stored);

/** The receipt of an inbox row; null for an MO (no receipt id stored). */
export function storedReceipt(row: StoredReceiptColumns): ReceiptView | null {
  if (row.receipt_smsc_message_id === null) return null;
  return {
    smscMessageId: row.receipt_smsc_message_id, stat: receiptStatOf(row.receipt_stat), statText: row.receipt_stat_text,
    err: row.receipt_err, submitDate: row.receipt_submit_date, doneDate: row.receipt_done_date, text: row.receipt_text,
    conflict: row.receipt_conflict,
  };
}
