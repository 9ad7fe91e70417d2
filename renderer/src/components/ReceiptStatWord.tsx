// A receipt's stat, said the same way wherever a receipt is shown (the Inbox's Stat column, the message timeline, an
// unmatched receipt's story): the v3.4 word, with the word as received beside it when it differs (lower case,
// DELIVERED…), or the word as received alone when it is none of them.
import type { ReceiptView } from '../../../shared/contract';
import { receiptTone } from '../format/tones';
import { StatusWord } from './StatusWord';

export function ReceiptStatWord({ receipt }: { receipt: Pick<ReceiptView, 'stat' | 'statText'> }) {
  const raw = receipt.statText ?? '';
  return (
    <>
      <StatusWord tone={receiptTone(receipt.stat)}>{receipt.stat ?? (raw || '—')}</StatusWord>
      {receipt.stat !== null && raw !== '' && raw !== receipt.stat && <span className="mono muted"> ({raw})</span>}
    </>
  );
}
