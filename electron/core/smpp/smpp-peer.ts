// The protocol duties both ends share, on top of a Connection: requests with sequence numbers, window and
// timeouts; responses routed to their requests; enquire_link answered; unknown or malformed requests answered
// with generic_nack. The ESME session and the simulator's server session are both built on it.
import { EventEmitter } from 'node:events';
import type { Connection } from './connection';
import type { DecodedPdu, Pdu, PduValue } from './pdu-codec';
import { RequestTracker, type RequestTrackerOptions, type ReservedRequest } from './request-tracker';
import { commandIdOf, commandName, isResponseId, statusCode } from './smpp-tables';

/** Requests that have no response by definition (SMPP v3.4 §4.12, §4.1.7). */
const NO_RESPONSE = new Set(['alert_notification', 'outbind']);

interface PeerEvents {
  /** A request the owner must answer with respond() (bind, submit_sm, deliver_sm, unbind…). */
  request: [Pdu];
  close: [reason: string];
}

export type TlvValues = Record<string, number | string | Buffer>;
export type RawTlvValues = Array<{ tag: number; value: Buffer }>;

export class SmppPeer extends EventEmitter<PeerEvents> {
  readonly tracker: RequestTracker;

  constructor(
    readonly connection: Connection,
    trackerOptions: RequestTrackerOptions,
  ) {
    super();
    this.tracker = new RequestTracker(trackerOptions);
    connection.on('pdu', (decoded) => this.dispatch(decoded));
    connection.once('close', (reason) => {
      this.tracker.failAll(reason);
      this.emit('close', reason);
    });
  }

  /**
   * Sends a request and resolves with its response (whatever its command_status; the caller judges it). With a
   * slot free in the window it is written now, in the caller's turn; otherwise once a slot frees. Never throws:
   * every failure is the returned promise's.
   */
  request(command: string, fields: Record<string, PduValue> = {}, tlvs: TlvValues = {}, rawTlvs: RawTlvValues = []): Promise<Pdu> {
    try {
      const commandId = commandIdOf(command);
      const slot = this.tracker.tryReserve(commandId);
      if (slot) return this.write(command, slot, fields, tlvs, rawTlvs);
      return this.tracker.reserve(commandId).then((reserved) => this.write(command, reserved, fields, tlvs, rawTlvs));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  private write(command: string, { sequenceNumber, response }: ReservedRequest, fields: Record<string, PduValue>, tlvs: TlvValues, rawTlvs: RawTlvValues): Promise<Pdu> {
    try {
      this.connection.send({ command, sequenceNumber, fields, tlvs, rawTlvs });
    } catch (error) {
      this.tracker.cancel(sequenceNumber, error as Error);
      throw error;
    }
    return response;
  }

  /**
   * Writes octets as they are; only the sequence number is filled in unless kept. When they are a request that
   * has a response, the returned promise waits for it (null when none is due).
   */
  sendRaw(bytes: Buffer, keepSequenceNumber: boolean): { sequenceNumber: number; response: Promise<Pdu> | null } {
    const out = Buffer.from(bytes);
    if (!keepSequenceNumber) out.writeUInt32BE(this.tracker.nextSequenceNumber(), 12);
    const sequenceNumber = out.readUInt32BE(12);
    const commandId = out.readUInt32BE(4);
    // Every request is answered — an unknown command_id with generic_nack (v3.4 §3.3), which the tracker takes as
    // its answer — except the two that have no response.
    const answered = !isResponseId(commandId) && !NO_RESPONSE.has(commandName(commandId));
    const response = answered ? this.tracker.track(sequenceNumber, commandId) : null;
    this.connection.sendBytes(out);
    return { sequenceNumber, response };
  }

  respond(request: Pdu, commandStatus = 0, fields: Record<string, PduValue> = {}, tlvs: TlvValues = {}): void {
    if (!this.connection.isOpen) return;
    this.connection.send({ command: `${request.command}_resp`, sequenceNumber: request.sequenceNumber, commandStatus, fields, tlvs });
  }

  genericNack(sequenceNumber: number, status: string): void {
    if (!this.connection.isOpen) return;
    this.connection.send({ command: 'generic_nack', sequenceNumber, commandStatus: statusCode(status) });
  }

  private dispatch({ pdu }: DecodedPdu): void {
    if (isResponseId(pdu.commandId)) {
      // A response nobody waits for (late, duplicated, unknown command) is already in the trace; nothing to do.
      this.tracker.settle(pdu);
      return;
    }
    // Only a command we cannot name gets generic_nack. A known request with a flaw (a TLV without its NUL, an
    // sm_length past the end) goes on with its problems shown in the trace: nacking it would make the SMSC
    // re-send it forever, and nothing of it would ever reach the inbox.
    if (pdu.command.startsWith('unknown_')) return this.genericNack(pdu.sequenceNumber, 'ESME_RINVCMDID');
    if (pdu.command === 'enquire_link') return this.respond(pdu);
    this.emit('request', pdu);
  }
}
