// The one-line summary of a PDU in the trace list — what an engineer scans for first, never a password — and the
// fields the trace is searched by (message_id, addresses), read once at capture time.
import type { DefaultAlphabet } from '../../../shared/contract';
import { normaliseMessageId } from '../../../shared/message-id';
import type { ParsedUdh } from '../../../shared/message-parts';
import { concatOf, isReceipt, receiptOf, userDataOf } from '../messages/receipt-parser';
import type { Pdu } from '../smpp/pdu-codec';

const MAX_TEXT = 40;
/** Octets decoded for a summary: enough for MAX_TEXT characters in any encoding, so a long text costs no more. */
const SUMMARY_OCTETS = 2 * MAX_TEXT + 16;

export interface PduDescription {
  summary: string;
  /** The message_id the PDU names, normalised (submit_sm_resp, a receipt, query/cancel/replace_sm). */
  smscMessageId: string | null;
  sourceAddr: string | null;
  destinationAddr: string | null;
}

export function describePdu(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): PduDescription {
  const f = pdu.fields;
  const address = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const summary = summarisePdu(pdu, defaultAlphabet);
  let smscMessageId = typeof f.message_id === 'string' && f.message_id !== '' ? f.message_id : null;
  if (smscMessageId === null && (pdu.command === 'deliver_sm' || pdu.command === 'data_sm') && isReceipt(pdu)) {
    smscMessageId = receiptOf(pdu, defaultAlphabet)?.smscMessageId ?? null;
  }
  return {
    summary,
    smscMessageId: smscMessageId === null ? null : normaliseMessageId(smscMessageId),
    sourceAddr: address(f.source_addr),
    destinationAddr: address(f.destination_addr),
  };
}

export function summarisePdu(pdu: Pdu, defaultAlphabet: DefaultAlphabet = 'gsm7'): string {
  const f = pdu.fields;
  switch (pdu.command) {
    case 'bind_transmitter':
    case 'bind_receiver':
    case 'bind_transceiver':
      return `system_id=${q(f.system_id)} system_type=${q(f.system_type)} interface_version=0x${Number(f.interface_version ?? 0).toString(16)}`;
    case 'bind_transmitter_resp':
    case 'bind_receiver_resp':
    case 'bind_transceiver_resp':
      return f.system_id === undefined ? '' : `system_id=${q(f.system_id)}`;
    case 'submit_sm':
    case 'deliver_sm':
    case 'data_sm': {
      const route = `${String(f.source_addr ?? '')} → ${String(f.destination_addr ?? '')}`;
      if (pdu.command !== 'submit_sm' && isReceipt(pdu)) {
        const receipt = receiptOf(pdu, defaultAlphabet);
        return `${route} receipt id=${receipt?.smscMessageId ?? '?'} stat=${receipt?.statText ?? receipt?.stat ?? '?'}`;
      }
      const { text, udh } = userDataOf(pdu, defaultAlphabet, SUMMARY_OCTETS);
      const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
      return `${route} dc=${Number(f.data_coding ?? 0)}${partLabel(pdu, udh)} ${JSON.stringify(shown)}`;
    }
    case 'submit_sm_resp':
    case 'deliver_sm_resp':
    case 'data_sm_resp':
      // deliver_sm_resp and data_sm_resp carry an unused, empty message_id: only a real one is worth a column.
      return f.message_id ? `message_id=${q(f.message_id)}` : '';
    default:
      return '';
  }
}

/** " part 2/3 ref 0x1a" for a part of a concatenated message (UDH or SAR), so the trace reads parts as one. */
function partLabel(pdu: Pdu, udh: ParsedUdh | null): string {
  const concat = concatOf(pdu, udh);
  if (!concat) return '';
  return ` part ${concat.sequence}/${concat.total} ref 0x${concat.reference.toString(16)}${udh?.concat ? '' : ' (SAR)'}`;
}

function q(value: unknown): string {
  return JSON.stringify(String(value ?? ''));
}
