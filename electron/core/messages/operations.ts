// The requests beyond submit_sm that an engineer sends by hand: enquire_link now, query_sm, cancel_sm,
// replace_sm, and a raw PDU typed as hex. Each answers with the response's status by name and the round trip.
import type { MessageRef, OperationResult, QueryResult, RawPduResult } from '../../../shared/contract';
import { parseHexOctets } from '../../../shared/hex-octets';
import { splitMessage } from '../../../shared/message-parts';
import { encodeGsm7, TextEncodingError } from '../../../shared/text-codec';
import { ConsoleInputError } from '../api/console-input-error';
import type { ManagedSession } from '../sessions/managed-session';
import type { SessionManager } from '../sessions/session-manager';
import { SHORT_MESSAGE_MAX, type Pdu, type PduValue } from '../smpp/pdu-codec';
import { RequestFailedError } from '../smpp/request-tracker';
import { HEADER_LENGTH, messageStateName, statusName } from '../smpp/smpp-tables';

export class Operations {
  constructor(private readonly sessions: SessionManager) {}

  enquireLink(sessionId: string): Promise<OperationResult> {
    return this.timed(this.bound(sessionId), 'enquire_link', {}).then(({ result }) => result);
  }

  async querySm(ref: MessageRef): Promise<QueryResult> {
    const { result, response } = await this.timed(this.bound(ref.sessionId), 'query_sm', messageFields(ref));
    const state = response.fields.message_state;
    return {
      ...result,
      finalDate: typeof response.fields.final_date === 'string' ? response.fields.final_date : null,
      messageState: typeof state === 'number' ? { value: state, name: messageStateName(state) } : null,
      errorCode: typeof response.fields.error_code === 'number' ? response.fields.error_code : null,
    };
  }

  async cancelSm(ref: MessageRef & { destinationAddr: string; serviceType?: string }): Promise<OperationResult> {
    const fields = { ...messageFields(ref), service_type: ref.serviceType ?? '', destination_addr: ref.destinationAddr };
    return (await this.timed(this.bound(ref.sessionId), 'cancel_sm', fields)).result;
  }

  /** replace_sm carries no data_coding: the replacement keeps the original's, so it is encoded as GSM 03.38. */
  async replaceSm(ref: MessageRef & { text: string }): Promise<OperationResult> {
    let shortMessage: Buffer;
    try {
      shortMessage = Buffer.from(encodeGsm7(ref.text));
    } catch (error) {
      if (error instanceof TextEncodingError) throw new ConsoleInputError(`${error.message} (replace_sm keeps the original's data_coding)`, 'text');
      throw error;
    }
    if (shortMessage.length > SHORT_MESSAGE_MAX) {
      throw new ConsoleInputError(`text: ${shortMessage.length} septets; replace_sm carries one short_message of at most ${SHORT_MESSAGE_MAX}`, 'text');
    }
    const fields = { ...messageFields(ref), registered_delivery: 1, short_message: shortMessage };
    return (await this.timed(this.bound(ref.sessionId), 'replace_sm', fields)).result;
  }

  /** data_sm carries its text in message_payload; the SMSC answers with a message_id like submit_sm_resp. */
  async dataSm(request: { sessionId: string; sourceAddr: string; destinationAddr: string; text: string }): Promise<OperationResult & { smscMessageId: string | null }> {
    const { plan, parts } = splitMessage(request.text, 0, { split: 'payload' });
    const session = this.bound(request.sessionId);
    const started = performance.now();
    try {
      const response = await session.request(
        'data_sm',
        { source_addr: request.sourceAddr, destination_addr: request.destinationAddr, registered_delivery: 1, data_coding: plan.dataCoding },
        { message_payload: Buffer.from(parts[0]!.payload) },
      );
      const smscMessageId = typeof response.fields.message_id === 'string' ? response.fields.message_id : null;
      return { ...resultOf(response, started), smscMessageId };
    } catch (error) {
      throw new ConsoleInputError(`data_sm failed: ${(error as Error).message}`);
    }
  }

  async sendRawPdu(sessionId: string, hex: string, keepSequenceNumber: boolean): Promise<RawPduResult> {
    const parsed = parseHexOctets(hex);
    if (!parsed.ok) throw new ConsoleInputError(parsed.message, 'hex');
    const bytes = Buffer.from(parsed.hex, 'hex');
    if (bytes.length < HEADER_LENGTH) throw new ConsoleInputError(`hex: ${bytes.length} octets; a PDU has at least the ${HEADER_LENGTH}-octet header`, 'hex');
    const session = this.bound(sessionId);
    const started = performance.now();
    const { sequenceNumber, response } = session.sendRaw(bytes, keepSequenceNumber);
    if (!response) return { sequenceNumber, response: null };
    // A generic_nack or a wrong command is still the answer the user wants to see; only silence is null.
    const answer = await response.catch((error: unknown) => {
      if (error instanceof RequestFailedError) return error.response; // null: a timeout or a closed connection
      throw error;
    });
    if (!answer) return { sequenceNumber, response: null };
    return { sequenceNumber, response: { ...resultOf(answer, started), commandName: answer.command } };
  }

  private bound(sessionId: string): ManagedSession {
    const session = this.sessions.get(sessionId);
    if (session.state !== 'bound') throw new ConsoleInputError(`the session is ${session.state}; bind it first`, 'sessionId');
    return session;
  }

  private async timed(session: ManagedSession, command: string, fields: Record<string, PduValue>): Promise<{ result: OperationResult; response: Pdu }> {
    const started = performance.now();
    try {
      const response = await session.request(command, fields);
      return { result: resultOf(response, started), response };
    } catch (error) {
      throw new ConsoleInputError(`${command} failed: ${(error as Error).message}`);
    }
  }
}

function messageFields(ref: MessageRef): Record<string, PduValue> {
  return { message_id: ref.smscMessageId, source_addr_ton: ref.sourceAddrTon ?? 0, source_addr_npi: ref.sourceAddrNpi ?? 0, source_addr: ref.sourceAddr };
}

function resultOf(response: Pdu, started: number): OperationResult {
  return {
    commandStatus: response.commandStatus,
    statusName: statusName(response.commandStatus),
    roundTripMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
