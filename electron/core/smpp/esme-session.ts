// The console's side of one SMPP connection (the ESME), from socket to close: connect (TCP, TLS, or accept the
// SMSC's outbind), bind, keep-alive, answer the SMSC's requests, unbind. One EsmeSession is one socket's life;
// reconnecting makes a new one (ManagedSession). States: connecting → binding → bound → unbinding → closed.
import { timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import type { BindMode, ConnectMode, SessionState, TlsSettings } from '../../../shared/contract';
import { Connection, type TraceSink } from './connection';
import type { Pdu, PduValue } from './pdu-codec';
import { RequestFailedError } from './request-tracker';
import { SmppPeer, type RawTlvValues, type TlvValues } from './smpp-peer';
import { planOutbind } from './outbind-plan';
import { commandName, statusName } from './smpp-tables';
import { acceptOutbind, connectTransport } from './transport';

export interface BindParameters {
  bindMode: BindMode;
  systemId: string;
  password: string;
  systemType: string;
  interfaceVersion: number;
  addrTon: number;
  addrNpi: number;
  addressRange: string;
}

export interface EsmeSessionOptions extends BindParameters {
  host: string;
  port: number;
  connectMode?: ConnectMode;
  outbindPort?: number;
  /** Where to listen for outbind; '' = automatic (see planOutbind). */
  outbindAddress?: string;
  /** The system_id the outbind must carry; '' = this session's own system_id. */
  outbindSystemId?: string;
  tls?: TlsSettings;
  enquireLinkIntervalMs: number;
  /** enquire_links unanswered in a row before the link is declared dead (default 3). */
  enquireLinkMisses?: number;
  responseTimeoutMs: number;
  windowSize: number;
  connectTimeoutMs?: number;
  stallTimeoutMs?: number;
  trace?: TraceSink;
  /** Lines for the trace that are not PDUs: a timeout (against its request's sequence number), a dead link,
   *  waiting for outbind, an outbind connection refused ('refused': worth keeping in the log too). */
  onNote?: (text: string, kind?: 'timeout' | 'refused', sequenceNumber?: number) => void;
  onRoundTrip?: (roundTripMs: number) => void;
  /**
   * Handles deliver_sm / data_sm and resolves with the command_status to answer. The response is written only
   * after it resolves, so a receipt is committed before the SMSC is told it may forget it.
   */
  onDeliver: (pdu: Pdu) => Promise<number>;
  /** Errors caught on this connection that the user must hear of (a delivery that could not be committed). */
  onError: (error: unknown, where: string) => void;
}

/**
 * The answer to a deliver_sm / data_sm that could not be committed: ESME_RX_T_APPN, "ESME receiver temporary
 * application error" (SMPP v3.4 §5.1.3) — the SMSC keeps the message and sends it again, so nothing is lost.
 */
const ESME_RX_T_APPN = 0x64;


/** command_status values after which reconnecting would only repeat the refusal (and may lock the account). */
const FINAL_BIND_STATUSES = new Set([0x0e /* RINVPASWD */, 0x0f /* RINVSYSID */, 0x0d /* RBINDFAIL */]);

const BIND_COMMAND: Record<BindMode, string> = {
  transmitter: 'bind_transmitter',
  receiver: 'bind_receiver',
  transceiver: 'bind_transceiver',
};

interface SessionEvents {
  state: [SessionState];
}

export class EsmeSession extends EventEmitter<SessionEvents> {
  state: SessionState = 'closed';
  smscSystemId: string | null = null;
  closeReason: string | null = null;
  /** True once the user asked to close: a manager must not reconnect then. */
  closedByUser = false;
  /** True when the SMSC refused the bind in a way retrying cannot fix (wrong password or system_id). */
  refusedFinally = false;
  private peer: SmppPeer | null = null;
  private keepAlive: NodeJS.Timeout | null = null;
  private readonly abort = new AbortController();

  constructor(private readonly options: EsmeSessionOptions) {
    super();
  }

  get outstanding(): number {
    return this.peer?.tracker.outstanding ?? 0;
  }

  /** Connects (or accepts the outbind) and binds; rejects saying why (refusedFinally says whether retrying can help). */
  async open(): Promise<void> {
    this.setState('connecting');
    const peer = await this.openPeer().catch((error: Error) => {
      this.closed(error.message);
      throw error;
    });
    this.peer = peer;
    this.setState('binding');
    const { bindMode, systemId, password, systemType, interfaceVersion, addrTon, addrNpi, addressRange } = this.options;
    const response = await peer
      .request(BIND_COMMAND[bindMode], {
        system_id: systemId, password, system_type: systemType, interface_version: interfaceVersion,
        addr_ton: addrTon, addr_npi: addrNpi, address_range: addressRange,
      })
      .catch((error: Error) => {
        peer.connection.destroy(`bind failed: ${error.message}`);
        throw new Error(`bind failed: ${error.message}`);
      });
    // The SMSC may close (or unbind) in the same breath as its bind response: then this attempt is over.
    if (this.peer !== peer || !peer.connection.isOpen) {
      throw new Error(`the connection closed during the bind (${this.closeReason ?? 'closed'})`);
    }
    if (response.commandStatus !== 0) {
      const reason = `bind refused: ${statusName(response.commandStatus)}`;
      this.refusedFinally = FINAL_BIND_STATUSES.has(response.commandStatus);
      peer.connection.end(reason);
      throw new Error(reason);
    }
    this.smscSystemId = typeof response.fields.system_id === 'string' ? response.fields.system_id : '';
    this.setState('bound');
    this.startKeepAlive();
  }

  /**
   * Sends a request on the bound session and resolves with its response. Not `async`: the peer's promise is
   * returned as it is, not wrapped in another one per request.
   */
  request(command: string, fields: Record<string, PduValue> = {}, tlvs: TlvValues = {}, rawTlvs: RawTlvValues = []): Promise<Pdu> {
    if (this.state !== 'bound' || !this.peer) return Promise.reject(new Error(`session is ${this.state}, not bound`));
    return this.peer.request(command, fields, tlvs, rawTlvs);
  }

  sendRaw(bytes: Buffer, keepSequenceNumber: boolean): { sequenceNumber: number; response: Promise<Pdu> | null } {
    if (this.state !== 'bound' || !this.peer) throw new Error(`session is ${this.state}, not bound`);
    return this.peer.sendRaw(bytes, keepSequenceNumber);
  }

  /** Unbinds politely (unbind → unbind_resp → close); closes anyway if the SMSC does not answer. */
  async close(): Promise<void> {
    this.closedByUser = true;
    this.abort.abort();
    const peer = this.peer;
    if (!peer || this.state === 'closed') return;
    this.stopKeepAlive();
    if (this.state === 'bound') {
      this.setState('unbinding');
      const reason = await peer.request('unbind').then(
        (response) => (response.commandStatus === 0 ? 'unbound' : `unbind answered ${statusName(response.commandStatus)}`),
        (error: Error) => `unbind unanswered: ${error.message}`,
      );
      peer.connection.end(reason);
    } else {
      peer.connection.destroy('closed by the user');
    }
  }

  private async openPeer(): Promise<SmppPeer> {
    const o = this.options;
    if (o.connectMode === 'outbind') return this.adopt(await this.acceptOutbindPeer());
    const socket = await connectTransport({
      host: o.host, port: o.port, ...(o.tls ? { tls: o.tls } : {}), connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
      signal: this.abort.signal,
    });
    return this.adopt(this.peerOn(socket));
  }

  /** The SMPP layers over a socket, traced from its first octet; not yet this session's (see adopt). */
  private peerOn(socket: Socket, accepted = false): SmppPeer {
    const o = this.options;
    const connection = new Connection(socket, {
      accepted,
      ...(o.trace ? { trace: o.trace } : {}),
      ...(o.stallTimeoutMs ? { stallTimeoutMs: o.stallTimeoutMs } : {}),
      onError: o.onError,
    });
    return new SmppPeer(connection, {
      windowSize: o.windowSize,
      timeoutMs: o.responseTimeoutMs,
      onTimeout: (sequenceNumber, commandId) =>
        o.onNote?.(`${commandName(commandId)} seq ${sequenceNumber}: no response within ${o.responseTimeoutMs} ms`, 'timeout', sequenceNumber),
      ...(o.onRoundTrip ? { onAnswered: o.onRoundTrip } : {}),
    });
  }

  /** From here the peer's requests are this session's to answer, and its close is this session's close. */
  private adopt(peer: SmppPeer): SmppPeer {
    peer.on('request', (pdu) => {
      this.answer(peer, pdu).catch((error: unknown) => this.options.onError(error, `answering ${pdu.command} seq ${pdu.sequenceNumber}`));
    });
    peer.once('close', (reason) => this.closed(reason));
    return peer;
  }

  /**
   * Listens where the plan says and takes the first connection that comes from the SMSC's addresses and opens with
   * an outbind carrying the expected system_id (and the profile's password, when one is set). Everything else is
   * refused and said in the trace — it would otherwise be sent this profile's bind_receiver, password included.
   */
  private async acceptOutbindPeer(): Promise<SmppPeer> {
    const o = this.options;
    const plan = await planOutbind(o.host, o.outbindAddress ?? '');
    const expectedSystemId = o.outbindSystemId || o.systemId;
    let taken: SmppPeer | null = null;
    const refuse = (why: string) => o.onNote?.(`outbind refused: ${why}`, 'refused');
    await acceptOutbind({
      port: o.outbindPort ?? 2776, listenAddress: plan.listenAddress, smscAddresses: plan.smscAddresses, signal: this.abort.signal,
      onListening: (port) =>
        o.onNote?.(`listening on ${plan.listenAddress}:${port} for the SMSC's outbind (${plan.why}); accepting ${plan.smscAddresses.join(', ')} only`),
      onRefused: refuse,
      accept: async (socket) => {
        const candidate = this.peerOn(socket, true);
        const verdict = await this.vetOutbind(candidate, expectedSystemId);
        if (verdict === null && taken === null) {
          taken = candidate;
          return true;
        }
        const why = verdict ?? 'another outbind was taken first';
        refuse(`from ${candidate.connection.remoteAddress}: ${why}`);
        candidate.connection.destroy(`outbind refused: ${why}`);
        return false;
      },
    });
    return taken!;
  }

  /** Waits for the candidate's first request; null when it is an acceptable outbind, else why not. */
  private vetOutbind(candidate: SmppPeer, expectedSystemId: string): Promise<string | null> {
    const o = this.options;
    return new Promise((resolve) => {
      const finish = (verdict: string | null) => {
        clearTimeout(timer);
        candidate.off('request', onRequest);
        candidate.off('close', onClose);
        resolve(verdict);
      };
      const onRequest = (pdu: Pdu) => {
        if (pdu.command !== 'outbind') return finish(`its first request was ${pdu.command}, not outbind`);
        const systemId = String(pdu.fields.system_id ?? '');
        if (systemId !== expectedSystemId) return finish(`system_id "${systemId}" is not the expected "${expectedSystemId}"`);
        if (o.password !== '' && !sameSecret(String(pdu.fields.password ?? ''), o.password)) {
          return finish("its password is not this profile's");
        }
        finish(null);
      };
      const onClose = (reason: string) => finish(`it closed before sending outbind (${reason})`);
      const timer = setTimeout(() => finish(`no outbind within ${o.responseTimeoutMs} ms of connecting`), o.responseTimeoutMs);
      candidate.on('request', onRequest);
      candidate.once('close', onClose);
    });
  }

  private async answer(peer: SmppPeer, pdu: Pdu): Promise<void> {
    switch (pdu.command) {
      case 'deliver_sm':
      case 'data_sm': {
        // A receipt often shares a TCP read with the submit_sm_resp it reports on. Yield once, so the response's
        // continuation records the message_id before the receipt looks for it.
        await new Promise((resolve) => setImmediate(resolve));
        const status = await this.options.onDeliver(pdu).catch((error: unknown) => {
          this.options.onError(error, `committing ${pdu.command} seq ${pdu.sequenceNumber} (answered ESME_RX_T_APPN: the SMSC sends it again)`);
          return ESME_RX_T_APPN;
        });
        peer.respond(pdu, status);
        return;
      }
      case 'outbind':
        // outbind has no response (SMPP v3.4 §2.2.1). The one that opened this connection was vetted before the
        // bind; another one later is only shown in the trace.
        return;
      case 'unbind':
        this.stopKeepAlive();
        this.setState('unbinding');
        peer.respond(pdu);
        peer.connection.end('the SMSC unbound');
        return;
      case 'alert_notification':
        return; // has no response by definition (SMPP v3.4 §4.12)
      default:
        peer.genericNack(pdu.sequenceNumber, 'ESME_RINVCMDID');
    }
  }

  /** enquire_link on the interval; after N unanswered in a row the link is dead and the socket is closed. */
  private startKeepAlive(): void {
    const { enquireLinkIntervalMs: interval, enquireLinkMisses: limit = 3 } = this.options;
    if (interval <= 0) return;
    let misses = 0;
    this.keepAlive = setInterval(() => {
      const peer = this.peer;
      if (!peer) return;
      peer.request('enquire_link').then(
        () => (misses = 0),
        (error: unknown) => {
          if (!(error instanceof RequestFailedError) || error.response !== null || this.state !== 'bound') return;
          misses += 1;
          if (misses >= limit) {
            const reason = `link dead: ${misses} enquire_link in a row unanswered`;
            this.options.onNote?.(reason);
            peer.connection.destroy(reason);
          }
        },
      );
    }, interval);
  }

  private stopKeepAlive(): void {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
  }

  private closed(reason: string): void {
    this.stopKeepAlive();
    this.closeReason = this.closeReason ?? reason;
    this.peer = null;
    this.setState('closed');
  }

  private setState(state: SessionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}

/** Compares without leaking, through timing, how much of a password matched. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
