// The built-in SMSC: the console's default target, so it works with no SMSC at all. It runs on the same
// Connection and SmppPeer classes as the console's own sessions (server side): binds any system_id/password,
// answers submit_sm with a message_id, and after a short delay sends the delivery receipt as deliver_sm
// (esm_class 0x04, Appendix B text, receipted_message_id and message_state TLVs) on a session that can receive.
import { connect as netConnect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { encodeGsm7, gsmSeptetCost } from '../../../shared/text-codec';
import { deliveredText } from '../messages/receipt-parser';
import { Connection } from '../smpp/connection';
import type { Pdu } from '../smpp/pdu-codec';
import { RequestFailedError } from '../smpp/request-tracker';
import { SmppPeer } from '../smpp/smpp-peer';
import { MESSAGE_STATE } from '../smpp/smpp-tables';
import { absoluteSmppTime } from '../../../shared/smpp-time';
import { formatReceiptText } from './receipt-text';

export interface SimulatorOptions {
  host: string;
  port: number;
  systemId?: string;
  receiptDelayMs?: number;
  /** The simulator's own enquire_link interval; 0 sends none. */
  enquireLinkIntervalMs?: number;
  responseTimeoutMs?: number;
  /** Serve SMPP over TLS with this PEM key and certificate (the ESME side's TLS settings are tested against it). */
  tls?: { key: Buffer | string; cert: Buffer | string };
  /** Where the simulator's own failures go (the console's diagnostics); without it they are rethrown. */
  onError?: (error: unknown, where: string) => void;
}

interface ServerSession {
  peer: SmppPeer;
  systemId: string | null;
  canReceive: boolean;
  keepAlive: NodeJS.Timeout | null;
}

interface StoredMessage {
  /** The submit_sm, kept only while a receipt is due to quote it. */
  submit: Pdu | null;
  submitDate: Date;
  deliverAt: number;
  cancelledAt: Date | null;
  timer: NodeJS.Timeout | null;
}

/** Messages kept for query_sm / cancel_sm / replace_sm (a load test must not grow the simulator without bound). */
const STORED_MESSAGES = 10_000;

const ESM_CLASS_DELIVERY_RECEIPT = 0x04;

export class SmscSimulator {
  private server: Server | null = null;
  private readonly sessions = new Set<ServerSession>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextMessageNumber = 0x1000;
  private readonly stored = new Map<string, StoredMessage>();

  constructor(private readonly options: SimulatorOptions) {}

  async start(): Promise<{ host: string; port: number }> {
    const server = this.options.tls
      ? createTlsServer(this.options.tls, (socket) => this.accept(socket))
      : createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return this.address;
  }

  get address(): { host: string; port: number } {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the simulator is not listening');
    return { host: address.address, port: address.port };
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const session of this.sessions) if (session.keepAlive) clearInterval(session.keepAlive);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /**
   * Outbind (SMPP v3.4 §2.2.1): the SMSC connects to an ESME that listens, sends outbind, and the ESME answers
   * with bind_receiver on that same connection — from there it is an ordinary server session.
   */
  async outbind(host: string, port: number, systemId: string, password = ''): Promise<void> {
    const socket = netConnect({ host, port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const session = this.accept(socket);
    session.peer.connection.send({
      command: 'outbind', sequenceNumber: session.peer.tracker.nextSequenceNumber(), fields: { system_id: systemId, password },
    });
  }

  private accept(socket: Socket): ServerSession {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const connection = new Connection(socket, this.options.onError ? { onError: this.options.onError } : {});
    const peer = new SmppPeer(connection, { windowSize: 100, timeoutMs: this.options.responseTimeoutMs ?? 10_000 });
    const session: ServerSession = { peer, systemId: null, canReceive: false, keepAlive: null };
    this.sessions.add(session);
    peer.on('request', (pdu) => this.answer(session, pdu));
    peer.once('close', () => {
      if (session.keepAlive) clearInterval(session.keepAlive);
      this.sessions.delete(session);
    });
    return session;
  }

  private answer(session: ServerSession, pdu: Pdu): void {
    const { peer } = session;
    switch (pdu.command) {
      case 'bind_transmitter':
      case 'bind_receiver':
      case 'bind_transceiver': {
        if (session.systemId !== null) return peer.respond(pdu, 0x05 /* ESME_RALYBND */);
        session.systemId = String(pdu.fields.system_id ?? '');
        session.canReceive = pdu.command !== 'bind_transmitter';
        peer.respond(pdu, 0, { system_id: this.options.systemId ?? 'SMPPConsoleSim' });
        this.startKeepAlive(session);
        return;
      }
      case 'submit_sm':
      case 'data_sm':
        return this.acceptSubmit(session, pdu);
      case 'submit_multi':
        return this.acceptSubmitMulti(session, pdu);
      case 'query_sm':
      case 'cancel_sm':
      case 'replace_sm':
        return this.manageStored(session, pdu);
      case 'unbind':
        peer.respond(pdu);
        peer.connection.end('the ESME unbound');
        return;
      default:
        peer.genericNack(pdu.sequenceNumber, 'ESME_RINVCMDID');
    }
  }

  private acceptSubmit(session: ServerSession, pdu: Pdu): void {
    if (session.systemId === null) return session.peer.respond(pdu, 0x04 /* ESME_RINVBNDSTS */);
    const messageId = (this.nextMessageNumber++).toString(16).toUpperCase().padStart(10, '0');
    const submitDate = new Date();
    session.peer.respond(pdu, 0, { message_id: messageId });
    const registeredDelivery = Number(pdu.fields.registered_delivery ?? 0) & 0x03;
    // 1 = receipt on success or failure, 3 = on success only (v5.0); the simulator always delivers.
    const wantsReceipt = registeredDelivery === 1 || registeredDelivery === 3;
    // The PDU itself is kept only when a receipt will quote it: a load test must not make the simulator hoard.
    const record: StoredMessage = {
      submit: wantsReceipt ? pdu : null, submitDate, deliverAt: Date.now() + this.deliveryDelayMs, cancelledAt: null, timer: null,
    };
    this.remember(messageId, record);
    if (!wantsReceipt) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (record.submit) this.sendReceipt(session, record.submit, messageId, submitDate);
    }, this.deliveryDelayMs);
    record.timer = timer;
    this.timers.add(timer);
  }

  /** submit_multi: one message_id for all, and a receipt from each destination (as if sent one by one). */
  private acceptSubmitMulti(session: ServerSession, pdu: Pdu): void {
    if (session.systemId === null) return session.peer.respond(pdu, 0x04 /* ESME_RINVBNDSTS */);
    const messageId = (this.nextMessageNumber++).toString(16).toUpperCase().padStart(10, '0');
    const submitDate = new Date();
    session.peer.respond(pdu, 0, { message_id: messageId, unsuccess_sme: [] });
    const destinations = Array.isArray(pdu.fields.dest_address) ? (pdu.fields.dest_address as Array<{ destination_addr?: string }>) : [];
    if ((Number(pdu.fields.registered_delivery ?? 0) & 0x03) === 0) return;
    for (const destination of destinations) {
      const single: Pdu = { ...pdu, fields: { ...pdu.fields, destination_addr: destination.destination_addr ?? '' } };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.sendReceipt(session, single, messageId, submitDate);
      }, this.deliveryDelayMs);
      this.timers.add(timer);
    }
  }

  private get deliveryDelayMs(): number {
    return this.options.receiptDelayMs ?? 500;
  }

  /**
   * The newest messages are kept for query_sm, cancel_sm and replace_sm. Past the cap the oldest half goes at
   * once: deleting one entry from a Map's front on every submit makes each later lookup of the front slower.
   */
  private remember(messageId: string, record: StoredMessage): void {
    this.stored.set(messageId, record);
    if (this.stored.size <= STORED_MESSAGES) return;
    let forget = STORED_MESSAGES / 2;
    for (const key of this.stored.keys()) {
      if (forget-- <= 0) break;
      this.stored.delete(key);
    }
  }

  /** ENROUTE until its delivery time, then DELIVERED; DELETED once cancelled. */
  private stateOf(record: StoredMessage): { state: number; finalDate: Date | null } {
    if (record.cancelledAt) return { state: MESSAGE_STATE.DELETED, finalDate: record.cancelledAt };
    if (Date.now() >= record.deliverAt) return { state: MESSAGE_STATE.DELIVERED, finalDate: new Date(record.deliverAt) };
    return { state: MESSAGE_STATE.ENROUTE, finalDate: null };
  }

  /** query_sm, cancel_sm and replace_sm: what an SMSC can still do with a message it holds. */
  private manageStored(session: ServerSession, pdu: Pdu): void {
    const record = this.stored.get(String(pdu.fields.message_id ?? ''));
    const pending = record !== undefined && this.stateOf(record).state === MESSAGE_STATE.ENROUTE;
    switch (pdu.command) {
      case 'query_sm': {
        if (!record) return session.peer.respond(pdu, 0x67 /* ESME_RQUERYFAIL */);
        const { state, finalDate } = this.stateOf(record);
        return session.peer.respond(pdu, 0, {
          message_id: pdu.fields.message_id ?? '', final_date: finalDate ? absoluteSmppTime(finalDate) : '', message_state: state, error_code: 0,
        });
      }
      case 'cancel_sm':
        if (!record || !pending) return session.peer.respond(pdu, 0x11 /* ESME_RCANCELFAIL */);
        record.cancelledAt = new Date();
        if (record.timer) clearTimeout(record.timer);
        return session.peer.respond(pdu);
      default: // replace_sm
        if (!record || !pending) return session.peer.respond(pdu, 0x13 /* ESME_RREPLACEFAIL */);
        if (record.submit) {
          record.submit = { ...record.submit, fields: { ...record.submit.fields, short_message: pdu.fields.short_message ?? Buffer.alloc(0) } };
        }
        return session.peer.respond(pdu);
    }
  }

  private sendReceipt(origin: ServerSession, submit: Pdu, messageId: string, submitDate: Date): void {
    const target = origin.canReceive && origin.peer.connection.isOpen ? origin : this.receiverFor(origin.systemId);
    if (!target) return; // like an SMSC, it would keep the receipt; the simulator has no store yet
    const original = deliveredText(submit);
    // The receipt's text: field is the start of the original; characters GSM cannot carry are shown as '?'.
    const text = [...original].map((char) => (gsmSeptetCost(char) === 1 ? char : '?')).join('');
    const receipt = formatReceiptText({
      messageId, submitted: 1, delivered: 1, submitDate, doneDate: new Date(), stat: 'DELIVRD', err: 0, text,
    });
    target.peer
      .request(
        'deliver_sm',
        {
          source_addr_ton: submit.fields.dest_addr_ton ?? 0,
          source_addr_npi: submit.fields.dest_addr_npi ?? 0,
          source_addr: submit.fields.destination_addr ?? '',
          dest_addr_ton: submit.fields.source_addr_ton ?? 0,
          dest_addr_npi: submit.fields.source_addr_npi ?? 0,
          destination_addr: submit.fields.source_addr ?? '',
          esm_class: ESM_CLASS_DELIVERY_RECEIPT,
          data_coding: 0,
          short_message: Buffer.from(encodeGsm7(receipt)),
        },
        { receipted_message_id: messageId, message_state: MESSAGE_STATE.DELIVERED },
      )
      // Unanswered (timeout, the ESME gone, or answered with an error) is an outcome the ESME's trace shows, and the
      // simulator does not retry receipts yet; anything else failed here, and is reported.
      .catch((error: unknown) => {
        if (!(error instanceof RequestFailedError) && target.peer.connection.isOpen) this.options.onError?.(error, 'sending a delivery receipt');
      });
  }

  private receiverFor(systemId: string | null): ServerSession | undefined {
    return [...this.sessions].find((s) => s.canReceive && s.systemId === systemId && s.peer.connection.isOpen);
  }

  private startKeepAlive(session: ServerSession): void {
    const interval = this.options.enquireLinkIntervalMs ?? 0;
    if (interval <= 0) return;
    // An unanswered enquire_link is the ESME's to explain, and shows in its trace; the simulator only keeps asking.
    session.keepAlive = setInterval(() => session.peer.request('enquire_link').catch(() => undefined), interval);
  }
}
