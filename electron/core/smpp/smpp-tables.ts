// Names for numbers, from the `smpp` package's own tables (commands and command_status codes), so that the trace
// and the UI always show a name and never a bare number.
import { commands, commandsById, errors } from 'smpp/lib/defs.js';
import type { ReceiptStat } from '../../../shared/contract';

export const HEADER_LENGTH = 16;
export const RESPONSE_BIT = 0x80000000;
/** Sequence numbers run 1 … 0x7FFFFFFF, then wrap (SMPP v3.4 §5.1.4). */
export const MAX_SEQUENCE_NUMBER = 0x7fffffff;

const statusNames = new Map<number, string>(Object.entries(errors).map(([name, code]) => [code, name]));

export function commandName(commandId: number): string {
  return commandsById[commandId]?.command ?? `unknown_0x${commandId.toString(16).padStart(8, '0')}`;
}

export function commandIdOf(command: string): number {
  const def = commands[command];
  if (!def) throw new Error(`unknown command ${command}`);
  return def.id;
}

export function statusName(commandStatus: number): string {
  return statusNames.get(commandStatus) ?? `status 0x${commandStatus.toString(16).padStart(8, '0')}`;
}

export function statusCode(name: string): number {
  const code = errors[name];
  if (code === undefined) throw new Error(`unknown command_status ${name}`);
  return code;
}

/** The response's command_id for a request's (unsigned: JavaScript's `|` would make it negative). */
export function responseIdOf(commandId: number): number {
  return (commandId | RESPONSE_BIT) >>> 0;
}

export function isResponseId(commandId: number): boolean {
  return (commandId & RESPONSE_BIT) !== 0;
}

export const GENERIC_NACK_ID = commandIdOf('generic_nack');

/** message_state values (SMPP v3.4 §5.2.28, the TLV of §5.3.2.35), one table for query_sm, receipts and the simulator. */
export const MESSAGE_STATE = {
  ENROUTE: 1, DELIVERED: 2, EXPIRED: 3, DELETED: 4, UNDELIVERABLE: 5, ACCEPTED: 6, UNKNOWN: 7, REJECTED: 8, SKIPPED: 9,
} as const;

/**
 * The message_state of each receipt stat word, one table both ways: the simulator writes the TLV from the word, a
 * received receipt's TLV is read back as the word (SKIPPED, v5.0, has none: see receipt-parser.ts).
 */
export const STAT_MESSAGE_STATE: Readonly<Record<ReceiptStat, number>> = {
  ENROUTE: MESSAGE_STATE.ENROUTE, DELIVRD: MESSAGE_STATE.DELIVERED, EXPIRED: MESSAGE_STATE.EXPIRED, DELETED: MESSAGE_STATE.DELETED,
  UNDELIV: MESSAGE_STATE.UNDELIVERABLE, ACCEPTD: MESSAGE_STATE.ACCEPTED, UNKNOWN: MESSAGE_STATE.UNKNOWN, REJECTD: MESSAGE_STATE.REJECTED,
};

const messageStateNames = new Map<number, string>(Object.entries(MESSAGE_STATE).map(([name, value]) => [value, name]));

export function messageStateName(value: number): string {
  return messageStateNames.get(value) ?? `state ${value}`;
}
