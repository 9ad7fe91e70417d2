// A receipt's stat word as SMSCs write it, mapped to one of the v3.4 words where the meaning is not in doubt:
// case, spacing and the long spellings vendors use (DELIVERED, UNDELIVERABLE, EN_ROUTE…). A word that could mean
// two things (FAILED: undeliverable or rejected?) or nothing known maps to none: the receipt keeps it as it came,
// and the message's state is left alone rather than guessed.
import type { ReceiptStat } from './contract';

const SPELLINGS: Record<string, ReceiptStat> = {
  DELIVRD: 'DELIVRD', DELIVERED: 'DELIVRD', DELIVRED: 'DELIVRD',
  EXPIRED: 'EXPIRED', EXPIRD: 'EXPIRED',
  DELETED: 'DELETED', DELETD: 'DELETED',
  UNDELIV: 'UNDELIV', UNDELIVERABLE: 'UNDELIV', UNDELIVERED: 'UNDELIV', UNDELIVRD: 'UNDELIV',
  ACCEPTD: 'ACCEPTD', ACCEPTED: 'ACCEPTD',
  UNKNOWN: 'UNKNOWN', UNKNWN: 'UNKNOWN',
  REJECTD: 'REJECTD', REJECTED: 'REJECTD',
  ENROUTE: 'ENROUTE',
};

export function normaliseReceiptStat(word: string): ReceiptStat | null {
  return SPELLINGS[word.toUpperCase().replace(/[\s_-]+/g, '')] ?? null;
}
