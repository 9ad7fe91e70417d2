// The console's side of one SMPP session (the ESME): connect, bind, keep-alive, answer the SMSC's requests,
// unbind. States follow what the user sees: connecting → binding → bound → unbinding → closed.
import { EventEmitter } from 'node:events';
import { connect as netConnect } from 'node:net';
import type { BindMode, SessionState } from '../../../shared/contract';
import { Connection, type TraceSink } from './connection';
import type { Pdu, PduValue } from './pdu-codec';
import { SmppPeer, type TlvValues } from './smpp-peer';
import { statusName } from './smpp-tables';

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
  enquireLinkIntervalMs: number;
  responseTimeoutMs: number;
  windowSize: number;
  connectTimeoutMs?: number;
  trace?: TraceSink;
  /**
   * Handles deliver_sm / data_sm and resolves with the command_status to answer. The response is written only
   * after it resolves, so a receipt is committed before the SMSC is told it may forget it.
   */
  onDeliver: (pdu: Pdu) => Promise<number>;
}

interface SessionEvents {
  state: [SessionState];
}

const BIND_COMMAND: Record<BindMode, string> = {
  transmitter: 'bind_transmitter',
  receiver: 'bind_receiver',
  transceiver: 'bind_transceiver',
};

export class EsmeSession extends EventEmitter<SessionEvents> {
  state: SessionState = 'closed';
  smscSystemId: string | null = null;
  closeReason: string | null = null;
  private peer: SmppPeer | null = null;
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(private readonly options: EsmeSessionOptions) {
    super();
  }

  /** Connects and binds; rejects with the reason (connect error, bind refused with its status name). */
  async open(): Promise<void> {
    this.closeReason = null;
    this.setState('connecting');
    const socket = netConnect({ host: this.options.host, port: this.options.port });
    const connection = new Connection(socket, this.options.trace ? { trace: this.options.trace } : {});
    const peer = new SmppPeer(connection, { windowSize: this.options.windowSize, timeoutMs: this.options.responseTimeoutMs });
    this.peer = peer;
    peer.on('request', (pdu) => void this.answer(pdu));
    peer.once('close', (reason) => this.closed(reason));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no TCP connection within ${this.connectTimeoutMs} ms`)), this.connectTimeoutMs);
      socket.once('connect', () => { clearTimeout(timer); resolve(); });
      socket.once('error', (error) => { clearTimeout(timer); reject(new Error(`cannot connect to ${this.options.host}:${this.options.port}: ${error.message}`)); });
    }).catch((error: Error) => {
      connection.destroy(error.message);
      throw error;
    });
    this.setState('binding');
    const { bindMode, systemId, password, systemType, interfaceVersion, addrTon, addrNpi, addressRange } = this.options;
    const response = await peer
      .request(BIND_COMMAND[bindMode], {
        system_id: systemId, password, system_type: systemType, interface_version: interfaceVersion,
        addr_ton: addrTon, addr_npi: addrNpi, address_range: addressRange,
      })
      .catch((error: Error) => {
        connection.destroy(`bind failed: ${error.message}`);
        throw new Error(`bind failed: ${error.message}`);
      });
    if (response.commandStatus !== 0) {
      const reason = `bind refused: ${statusName(response.commandStatus)}`;
      connection.end(reason);
      throw new Error(reason);
    }
    this.smscSystemId = typeof response.fields.system_id === 'string' ? response.fields.system_id : '';
    this.setState('bound');
    this.startKeepAlive();
  }

  /** Sends a request on the bound session and resolves with its response. */
  async request(command: string, fields: Record<string, PduValue>, tlvs: TlvValues = {}): Promise<Pdu> {
    if (this.state !== 'bound' || !this.peer) throw new Error(`session is ${this.state}, not bound`);
    return this.peer.request(command, fields, tlvs);
  }

  /** Unbinds politely (unbind → unbind_resp → close); closes anyway if the SMSC does not answer. */
  async close(): Promise<void> {
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

  private get connectTimeoutMs(): number {
    return this.options.connectTimeoutMs ?? 10_000;
  }

  private async answer(pdu: Pdu): Promise<void> {
    const peer = this.peer;
    if (!peer) return;
    switch (pdu.command) {
      case 'deliver_sm':
      case 'data_sm': {
        const status = await this.options.onDeliver(pdu).catch(() => 0x08 /* ESME_RSYSERR: not committed */);
        peer.respond(pdu, status);
        return;
      }
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

  private startKeepAlive(): void {
    if (this.options.enquireLinkIntervalMs <= 0) return;
    this.keepAlive = setInterval(() => {
      // A failed enquire_link shows in the trace; declaring the link dead after N misses comes with reconnect.
      this.peer?.request('enquire_link').catch(() => undefined);
    }, this.options.enquireLinkIntervalMs);
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
