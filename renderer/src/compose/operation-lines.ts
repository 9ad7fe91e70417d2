// The Operations results in one line each, worded as the trace words them (command and status names), so the line
// and the trace row can be matched by eye: "enquire_link_resp ESME_ROK in 2.1 ms".
import type { OperationResult, QueryResult, RawPduResult } from '../../../shared/contract';
import type { DataSmResult, MessageOperation } from '../store/operations-slice';

/** A non-zero status also shows its number: SMSCs use vendor codes the console may not name. */
function status(result: OperationResult): string {
  if (result.commandStatus === 0) return result.statusName;
  return `${result.statusName} (0x${result.commandStatus.toString(16).padStart(8, '0').toUpperCase()})`;
}

function roundTrip(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

export function responseLine(command: string, result: OperationResult): string {
  return `${command} ${status(result)} in ${roundTrip(result.roundTripMs)}`;
}

export function enquireLinkLine(result: OperationResult): string {
  return responseLine('enquire_link_resp', result);
}

/** "data_sm_resp ESME_ROK message_id 5F3A in 2.1 ms": the message_id is said where the SMSC gave one. */
export function dataSmLine(result: DataSmResult): string {
  const smscMessageId = result.smscMessageId === null || result.smscMessageId === '' ? '' : ` message_id ${result.smscMessageId}`;
  return `data_sm_resp ${status(result)}${smscMessageId} in ${roundTrip(result.roundTripMs)}`;
}

const RESPONSE_NAMES: Record<MessageOperation['kind'], string> = {
  query: 'query_sm_resp',
  cancel: 'cancel_sm_resp',
  replace: 'replace_sm_resp',
};

export function messageOperationLine(operation: MessageOperation): string {
  const line = responseLine(RESPONSE_NAMES[operation.kind], operation.result);
  return operation.kind === 'query' ? `${line} · ${queryDetails(operation.result)}` : line;
}

/** message_state, final_date and error_code, each said even when absent, so "none" is news too. */
function queryDetails(result: QueryResult): string {
  const state = result.messageState === null ? 'none' : `${result.messageState.name} (${result.messageState.value})`;
  const finalDate = result.finalDate === null || result.finalDate === '' ? 'none' : result.finalDate;
  const errorCode = result.errorCode === null ? 'none' : String(result.errorCode);
  return `message_state ${state} · final_date ${finalDate} · error_code ${errorCode}`;
}

export function rawPduLine(result: RawPduResult): string {
  const sent = `sequence_number ${result.sequenceNumber}`;
  if (result.response === null) return `${sent} · no response`;
  return `${sent} · ${responseLine(result.response.commandName, result.response)}`;
}

/** What a hex dump typed into Raw PDU holds so far: octets, and what its command_length says, when it says. */
export function describeRawHex(hex: string): string {
  if (hex === '') return 'Header first: command_length, command_id, command_status, sequence_number (4 octets each).';
  if (!/^[0-9a-fA-F]*$/.test(hex)) return 'Hex digits only (whitespace is ignored).';
  if (hex.length % 2 === 1) return `${hex.length} hex digits: an octet takes two.`;
  const octets = hex.length / 2;
  if (octets < 4) return `${octets} octets.`;
  const declared = Number.parseInt(hex.slice(0, 8), 16);
  const agrees = declared === octets ? 'matches' : 'differs';
  return `${octets} octets · command_length says ${declared} (${agrees}).`;
}
