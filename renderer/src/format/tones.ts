// Status colour classes. Colour is never the only signal: every place that uses a tone also shows the word.
import type { MessageState, ReceiptStat, SessionState } from '../../../shared/contract';

export type Tone = 'ok' | 'pending' | 'warn' | 'error' | 'neutral';

export function sessionTone(state: SessionState): Tone {
  if (state === 'bound') return 'ok';
  return state === 'closed' ? 'neutral' : 'pending';
}

/** Receipt stat words (v3.4 Appendix B); null — a word that maps to none of them — is shown as a warning. */
export function receiptTone(stat: ReceiptStat | null): Tone {
  switch (stat) {
    case 'DELIVRD':
      return 'ok';
    case 'ENROUTE':
    case 'ACCEPTD':
      return 'pending';
    case 'EXPIRED':
    case 'DELETED':
    case 'UNDELIV':
    case 'REJECTD':
      return 'error';
    default:
      return 'warn';
  }
}

export function messageTone(state: MessageState): Tone {
  if (state === 'submitting' || state === 'accepted') return 'pending';
  if (state === 'rejected' || state === 'failed') return 'error';
  return receiptTone(state);
}

/** command_status: 0 is ESME_ROK, anything else an error. */
export function commandStatusTone(commandStatus: number): Tone {
  return commandStatus === 0 ? 'ok' : 'error';
}
