// One SMPP connection over a socket: framing by command_length, decode, encode, and a trace record for every
// PDU in and out with the exact bytes. The same class serves the console's sessions and the simulator's server
// side. It never interprets commands (that is SmppPeer's job) and never stops reading because one PDU was odd:
// only a stream that cannot be framed any more (impossible command_length) is closed, with the reason.
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { decodePdu, encodePdu, pduFromInit, type DecodedPdu, type Pdu, type PduInit } from './pdu-codec';
import { HEADER_LENGTH } from './smpp-tables';

export type Direction = 'in' | 'out';

/** What the trace pipeline receives for every PDU (or unframeable bytes) crossing the wire. */
export interface WireRecord {
  direction: Direction;
  bytes: Buffer;
  /** Null when the bytes could not even be framed as a PDU. */
  pdu: Pdu | null;
  problem: string | null;
}

/** Both ends of a connection's socket, as the trace records them (for a capture file's TCP stream). */
export interface ConnectionEndpoints {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** Who opened the TCP connection: we did (connect), or the peer did (an SMSC's outbind to our port). */
  initiator: 'local' | 'remote';
  tls: boolean;
}

export interface TraceSink {
  record(entry: WireRecord): void;
  /** The connection is up, before its first octet is recorded. */
  opened?(endpoints: ConnectionEndpoints): void;
  /** The connection closed (after any pending octets were recorded): requests still open will not be answered. */
  closed?(reason: string): void;
}

const ESME_RINVCMDLEN = 0x02;
const CORK_BATCH = 64;

/** The largest PDU accepted: a full 64 KiB message_payload plus room for the header and mandatory fields. */
export const MAX_PDU_LENGTH = 65536 + 4096;

/** How long a PDU may sit half-received before the connection is judged stalled. */
export const DEFAULT_STALL_TIMEOUT_MS = 10_000;

export interface ConnectionOptions {
  trace?: TraceSink;
  maxPduLength?: number;
  stallTimeoutMs?: number;
  /** The peer opened this connection (we accepted it); otherwise we connected. */
  accepted?: boolean;
  /**
   * A 'pdu' listener that throws must not stop the framing of the PDUs behind it in the same read: the error is
   * handed here (without it, it is rethrown on the next turn, after the read is framed, so it is never lost).
   */
  onError?: (error: unknown, where: string) => void;
}

interface ConnectionEvents {
  pdu: [DecodedPdu];
  close: [reason: string];
}

export class Connection extends EventEmitter<ConnectionEvents> {
  private pending: Buffer | null = null;
  private closedReason: string | null = null;
  private stallTimer: NodeJS.Timeout | null = null;
  private corkedWrites = 0;
  private lateOctets = 0;
  private readonly maxPduLength: number;

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions = {},
  ) {
    super();
    this.maxPduLength = options.maxPduLength ?? MAX_PDU_LENGTH;
    options.trace?.opened?.({
      localAddress: socket.localAddress ?? '', localPort: socket.localPort ?? 0, remoteAddress: socket.remoteAddress ?? '',
      remotePort: socket.remotePort ?? 0, initiator: options.accepted ? 'remote' : 'local', tls: 'encrypted' in socket,
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.markClosed(`socket error: ${error.message}`));
    socket.on('end', () => {
      this.markClosed(this.pending ? 'peer closed the connection mid-PDU' : 'peer closed the connection');
      socket.end();
    });
    socket.on('close', () => this.markClosed('connection closed'));
  }

  get isOpen(): boolean {
    return this.closedReason === null && !this.socket.destroyed;
  }

  get remoteAddress(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? '?'}`;
  }

  /** Encodes and writes one PDU; returns its bytes. Throws PduEncodeError before anything is written. */
  send(init: PduInit): Buffer {
    const bytes = encodePdu(init);
    this.write(bytes, pduFromInit(init, bytes.readUInt32BE(4)));
    return bytes;
  }

  /** Writes bytes that are already a PDU, as they are (a raw PDU typed by the user). */
  sendBytes(bytes: Buffer): void {
    this.write(bytes, safeDecode(bytes).decoded?.pdu ?? null);
  }

  private write(bytes: Buffer, pdu: Pdu | null): void {
    if (!this.isOpen) throw new Error(`connection is closed (${this.closedReason ?? 'socket destroyed'})`);
    this.trace('out', bytes, pdu, null);
    // PDUs written in one turn of the event loop leave together, in one writev at the end of the turn (at most
    // CORK_BATCH at a time, so one turn's burst never makes one huge write). 8 a time was measured best when
    // encoding and tracing cost more; with both cheaper, the syscalls dominate: window 10 went from 16,700 /
    // 19,500 submit_sm/s (8, both ends) to 21,800 / 29,400 (whole turn), ratio to the smpp package 0.70 / 0.76 →
    // 0.91 / 0.96 (two rounds of `npm run bench`, medians of 3 × 20,000). 1, 2 and 4 were worse still, and so
    // was writing the first PDU of a turn at once.
    if (this.corkedWrites === 0) {
      this.socket.cork();
      process.nextTick(() => this.uncork());
    }
    this.socket.write(bytes);
    this.corkedWrites += 1;
    if (this.corkedWrites >= CORK_BATCH) this.uncork();
  }

  /** Each cork is matched by one uncork: by the batch filling up, or by the end of the turn. */
  private uncork(): void {
    if (this.corkedWrites === 0) return;
    this.corkedWrites = 0;
    this.socket.uncork();
  }

  /** Half-close after what was written has been flushed. */
  end(reason: string): void {
    this.markClosed(reason);
    this.socket.end();
  }

  destroy(reason: string): void {
    this.markClosed(reason);
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.closedReason !== null) return this.receivedAfterClose(chunk);
    let buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    while (buffer.length >= 4) {
      const commandLength = buffer.readUInt32BE(0);
      if (commandLength < HEADER_LENGTH || commandLength > this.maxPduLength) {
        const limit = commandLength < HEADER_LENGTH ? `below the ${HEADER_LENGTH}-octet header` : `above the ${this.maxPduLength}-octet limit`;
        this.trace('in', buffer, null, `command_length ${commandLength} is ${limit}: the stream cannot be framed`);
        this.pending = null;
        // SMPP v3.4 §3.3: an invalid command_length is answered with generic_nack before the link goes down.
        if (buffer.length >= HEADER_LENGTH) {
          this.send({ command: 'generic_nack', sequenceNumber: buffer.readUInt32BE(12), commandStatus: ESME_RINVCMDLEN });
        }
        this.end(`unframeable input: command_length ${commandLength} is ${limit}`);
        return;
      }
      if (buffer.length < commandLength) break;
      const bytes = Buffer.from(buffer.subarray(0, commandLength));
      buffer = buffer.subarray(commandLength);
      const { decoded, problem } = safeDecode(bytes);
      this.trace('in', bytes, decoded?.pdu ?? null, problem ?? (decoded?.problems.join('; ') || null));
      if (decoded) this.deliver(decoded);
      if (!this.isOpen) return;
    }
    this.pending = buffer.length > 0 ? Buffer.from(buffer) : null;
    this.watchForStall();
  }

  /**
   * The peer may go on sending after we closed (it had not read our generic_nack or unbind yet). Those octets are
   * not framed any more, but they are evidence: shown, up to one PDU's worth; past that the socket is dropped.
   */
  private receivedAfterClose(chunk: Buffer): void {
    this.lateOctets += chunk.length;
    if (this.lateOctets > this.maxPduLength) return void this.socket.destroy();
    this.trace('in', chunk, null, `${chunk.length} octets received after the connection was closed (${this.closedReason})`);
  }

  private deliver(decoded: DecodedPdu): void {
    try {
      this.emit('pdu', decoded);
    } catch (error) {
      const where = `handling ${decoded.pdu.command} seq ${decoded.pdu.sequenceNumber}`;
      if (this.options.onError) this.options.onError(error, where);
      else setImmediate(() => {
        throw error;
      });
    }
  }

  /** While a PDU is partly received, each arrival restarts the clock; completing it stops the clock. */
  private watchForStall(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    if (this.pending === null) return;
    const timeoutMs = this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    this.stallTimer = setTimeout(() => {
      this.stallTimer = null;
      const pending = this.pending;
      if (!pending || !this.isOpen) return;
      const expected = pending.length >= 4 ? ` of ${pending.readUInt32BE(0)}` : '';
      const problem = `PDU stalled: ${pending.length}${expected} octets received, then nothing for ${timeoutMs} ms`;
      this.trace('in', pending, null, problem);
      this.pending = null;
      this.destroy(problem);
    }, timeoutMs);
  }

  private trace(direction: Direction, bytes: Buffer, pdu: Pdu | null, problem: string | null): void {
    this.options.trace?.record({ direction, bytes, pdu, problem });
  }

  private markClosed(reason: string): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    // Half a PDU received when the link goes down, whoever ends it (the peer, a dead-link verdict, the user, a
    // socket error): its octets are evidence, so they reach the trace before the close does.
    const pending = this.pending;
    this.pending = null;
    if (pending) {
      const expected = pending.length >= 4 ? ` of ${pending.readUInt32BE(0)}` : '';
      this.trace('in', pending, null, `connection closed in the middle of a PDU: ${pending.length}${expected} octets received (${reason})`);
    }
    this.options.trace?.closed?.(reason);
    this.emit('close', reason);
  }
}

function safeDecode(bytes: Buffer): { decoded: DecodedPdu | null; problem: string | null } {
  try {
    return { decoded: decodePdu(bytes), problem: null };
  } catch (error) {
    // decodePdu reports problems rather than throwing; this guards the stream against a bug in it.
    return { decoded: null, problem: `decoder failed: ${(error as Error).message}` };
  }
}
