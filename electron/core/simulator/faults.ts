// A named library of malformed PDUs and link faults, the cases the console is tested to survive
// (test/integration/misbehaving-smsc.test.ts builds its faults from here too): the simulator sends one on a session
// when told to, so any ESME can be tried against them.
import type { Socket } from 'node:net';
import type { SimulatorFaultName } from '../../../shared/contract';
import { MAX_PDU_LENGTH } from '../smpp/connection';
import { encodePdu } from '../smpp/pdu-codec';

const DELIVER_SM = 0x00000005;
const UNKNOWN_COMMAND = 0x00000777;

/** A header with any command_length, id, status and sequence, followed by the given body. */
export function rawPdu(commandId: number, sequenceNumber: number, body: Buffer = Buffer.alloc(0), length?: number): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(length ?? 16 + body.length, 0);
  header.writeUInt32BE(commandId >>> 0, 4);
  header.writeUInt32BE(0, 8);
  header.writeUInt32BE(sequenceNumber, 12);
  return Buffer.concat([header, body]);
}

/** A deliver_sm whose receipted_message_id TLV says 100 octets where 6 remain. */
export function truncatedTlvDeliverSm(sequenceNumber: number): Buffer {
  const bytes = encodePdu({ command: 'deliver_sm', sequenceNumber, tlvs: { receipted_message_id: 'ABCDE' } });
  bytes.writeUInt16BE(100, bytes.length - 8);
  return bytes;
}

/** A deliver_sm whose sm_length says 5 octets where 2 remain (command_length kept true to what is sent). */
export function smLengthOverrunDeliverSm(sequenceNumber: number): Buffer {
  const good = encodePdu({ command: 'deliver_sm', sequenceNumber, fields: { short_message: Buffer.from('hello') } });
  const bad = Buffer.from(good.subarray(0, good.length - 3));
  bad.writeUInt32BE(bad.length, 0);
  return bad;
}

/** What a fault does to a session's socket; the sequence number is the simulator's next one. */
type FaultAction = (socket: Socket, sequenceNumber: number) => void;

const write = (build: (sequenceNumber: number) => Buffer): FaultAction => (socket, sequenceNumber) => void socket.write(build(sequenceNumber));
const deliverSm = (sequenceNumber: number) => encodePdu({ command: 'deliver_sm', sequenceNumber, fields: { short_message: Buffer.from('hello') } });

export const FAULTS: Record<SimulatorFaultName, FaultAction> = {
  'command-length-zero': write((seq) => rawPdu(DELIVER_SM, seq, Buffer.alloc(0), 0)),
  'command-length-below-header': write((seq) => rawPdu(DELIVER_SM, seq, Buffer.alloc(0), 8)),
  'command-length-too-large': write((seq) => rawPdu(DELIVER_SM, seq, Buffer.alloc(0), MAX_PDU_LENGTH + 1)),
  garbage: write(() => Buffer.from('\x00\x00\x00\x01garbage', 'latin1')),
  'http-reply': write(() => Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')),
  'stalled-pdu': write((seq) => deliverSm(seq).subarray(0, 10)),
  'eof-mid-pdu': (socket, seq) => void socket.end(deliverSm(seq).subarray(0, 20)),
  'connection-reset': (socket) => void socket.resetAndDestroy(),
  'truncated-tlv': write(truncatedTlvDeliverSm),
  'sm-length-overrun': write(smLengthOverrunDeliverSm),
  // service_type "", source_addr_ton 1, source_addr_npi 1, then source_addr "ABC" with no NUL before the end.
  'missing-nul': write((seq) => rawPdu(DELIVER_SM, seq, Buffer.from([0x00, 0x01, 0x01, 0x41, 0x42, 0x43]))),
  'unknown-command': write((seq) => rawPdu(UNKNOWN_COMMAND, seq, Buffer.from([1, 2, 3]))),
  'unsolicited-response': write(() => encodePdu({ command: 'submit_sm_resp', sequenceNumber: 0x7ffffff0, fields: { message_id: 'NOBODY-ASKED' } })),
};

/** The octets a fault writes (null for one that only acts on the socket), for tests. */
export function faultBytes(name: SimulatorFaultName, sequenceNumber: number): Buffer | null {
  const written: Buffer[] = [];
  const socket = {
    write: (bytes: Buffer) => written.push(bytes),
    end: (bytes?: Buffer) => bytes && written.push(bytes),
    resetAndDestroy: () => undefined,
  } as unknown as Socket;
  FAULTS[name](socket, sequenceNumber);
  return written.length > 0 ? Buffer.concat(written) : null;
}
