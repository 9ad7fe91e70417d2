// The built-in SMSC: the console's default target (so it works with no SMSC at all) and a test SMSC for any ESME.
// It runs on the same Connection and SmppPeer classes as the console's own sessions (server side) and does what its
// scenario says (scenario-schema.ts): accounts and bind rules, rules per destination or account, receipts (outcome
// mix, delays, intermediate notifications, deliver_sm or data_sm, TLVs or not, wrong ids), throttling, message_ids
// unique across restarts; and on demand MO injection, unbind, drop, or a malformed PDU from the fault library.
import { connect as netConnect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { BindMode, InjectMoRequest, MoInjectionView, SimulatorActionRequest, SimulatorActivity, SimulatorScenario, SimulatorStatus } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import { Connection } from '../smpp/connection';
import type { Pdu } from '../smpp/pdu-codec';
import { SmppPeer } from '../smpp/smpp-peer';
import { statusName } from '../smpp/smpp-tables';
import { Accounts } from './accounts';
import { ActivityLog } from './activity-log';
import { FAULTS } from './faults';
import { MessageIds } from './message-ids';
import { MessageStore } from './message-store';
import { MoInjector } from './mo-injector';
import { randomFor } from './random';
import { ReceiptSender } from './receipt-sender';
import { Rules } from './rules';
import { DEFAULT_RECEIPTS, defaultScenario } from './scenario-schema';
import { ServerSession } from './server-session';
import { SubmitHandler } from './submit-handler';
import { TimerSet } from './timer-set';

export interface SimulatorOptions {
  host: string;
  port: number;
  /** What it does; without one, the default scenario built from systemId, receiptDelayMs and enquireLinkIntervalMs. */
  scenario?: SimulatorScenario;
  systemId?: string;
  receiptDelayMs?: number;
  /** The simulator's own enquire_link interval; 0 sends none. */
  enquireLinkIntervalMs?: number;
  responseTimeoutMs?: number;
  /** Serve SMPP over TLS with this PEM key and certificate (the ESME side's TLS settings are tested against it). */
  tls?: { key: Buffer | string; cert: Buffer | string };
  /** Where message_id blocks are reserved so ids never repeat across restarts (message-ids.ts); none = the clock. */
  idStateFile?: string;
  /** Each activity entry as it happens (the headless runner prints them). */
  onActivity?: (entry: SimulatorActivity) => void;
  /** Where the simulator's own failures go (the console's diagnostics); without it they are rethrown. */
  onError?: (error: unknown, where: string) => void;
}

const BIND_TYPES: Record<string, BindMode> = { bind_transmitter: 'transmitter', bind_receiver: 'receiver', bind_transceiver: 'transceiver' };
const ESME_RINVBNDSTS = 0x04;
const ESME_RALYBND = 0x05;

export class SmscSimulator {
  private server: Server | null = null;
  private readonly sessions = new Map<string, ServerSession>();
  private readonly timers = new TimerSet();
  private readonly activity: ActivityLog;
  private readonly ids: MessageIds;
  private readonly store: MessageStore;
  private readonly submits: SubmitHandler;
  private readonly injector: MoInjector;
  /** Sends receipts, and holds those of an account with no receiving bind open until it binds again. */
  private readonly receipts: ReceiptSender;
  private current: SimulatorScenario;
  private accounts: Accounts;
  private rules: Rules;
  private random: () => number;
  private nextSessionNumber = 1;
  /** Where and how it listens: the options' at first, then what listen() was last given. */
  private listenOn: { port: number; tls: SimulatorOptions['tls'] };

  constructor(private readonly options: SimulatorOptions) {
    this.listenOn = { port: options.port, tls: options.tls };
    this.current = options.scenario ?? defaultScenario({
      smscSystemId: options.systemId ?? 'SMPPConsoleSim',
      enquireLinkIntervalMs: options.enquireLinkIntervalMs ?? 0,
      receipts: { ...DEFAULT_RECEIPTS, delay: { kind: 'fixed', ms: options.receiptDelayMs ?? 500 } },
    });
    this.accounts = new Accounts(this.current.accounts);
    this.rules = new Rules(this.current);
    this.random = randomFor(this.current.seed);
    this.activity = new ActivityLog(options.onActivity ? { onEntry: options.onActivity } : {});
    this.ids = new MessageIds({
      format: this.current.messageIdFormat, stateFile: options.idStateFile ?? null, ...(options.onError ? { onError: options.onError } : {}),
    });
    this.store = new MessageStore(this.timers);
    const receipts = (this.receipts = new ReceiptSender({
      sessions: () => this.sessions.values(), ids: this.ids, activity: this.activity, ...(options.onError ? { onError: options.onError } : {}),
    }));
    this.submits = new SubmitHandler({
      rules: () => this.rules, random: () => this.random, ids: this.ids, store: this.store, receipts, activity: this.activity, timers: this.timers,
    });
    this.injector = new MoInjector(this.timers, this.activity);
  }

  async start(): Promise<{ host: string; port: number }> {
    const { port: listenPort, tls } = this.listenOn;
    const server = tls ? createTlsServer(tls, (socket) => this.accept(socket)) : createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listenPort, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { host, port } = this.address;
    this.activity.note(null, `listening on ${host}:${port}${tls ? ' (TLS)' : ''}, scenario "${this.current.name}"`);
    return this.address;
  }

  get address(): { host: string; port: number } {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the simulator is not listening');
    return { host: address.address, port: address.port };
  }

  async stop(): Promise<void> {
    await this.stopListening();
    this.activity.close();
  }

  /**
   * Listens again, on another port or with(out) TLS, from the UI: the connections open now are closed (their ESMEs
   * reconnect to the new address), receipts not yet due and timers are dropped; the scenario, the ids and the
   * receipts held for accounts with no receiving bind go on.
   */
  async listen(on: { port: number; tls: SimulatorOptions['tls'] }): Promise<{ host: string; port: number }> {
    await this.stopListening();
    this.listenOn = on;
    return this.start();
  }

  /** Stops listening and closes every connection (a bind then fails until it listens again). */
  async stopListening(): Promise<void> {
    this.timers.clearAll();
    for (const session of this.sessions.values()) {
      if (session.keepAlive) clearInterval(session.keepAlive);
      session.socket.destroy();
    }
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    if (this.server) this.activity.note(null, 'stopped listening');
    this.server = null;
  }

  get scenario(): SimulatorScenario {
    return this.current;
  }

  /** Rules, receipts and the id format apply at once; accounts and limits to binds made from now on. */
  setScenario(scenario: SimulatorScenario): void {
    this.current = scenario;
    this.accounts = new Accounts(scenario.accounts);
    this.rules = new Rules(scenario);
    this.random = randomFor(scenario.seed);
    this.ids.setFormat(scenario.messageIdFormat);
    this.activity.note(null, `scenario "${scenario.name}": ${scenario.accounts.length} account(s), ${scenario.rules.length} rule(s)`);
  }

  status(): SimulatorStatus {
    return {
      listening: this.server ? this.address : null,
      tls: Boolean(this.listenOn.tls),
      scenarioName: this.current.name,
      sessions: [...this.sessions.values()].map((s) => s.view()),
      activity: this.activity.recent(200),
      injections: this.injector.list(),
      heldReceipts: this.receipts.heldBySystemId(),
    };
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

  /** MO to a bound session that can receive: the one named, or the first bound with the system_id. */
  async injectMo(request: InjectMoRequest): Promise<MoInjectionView> {
    const session = request.sessionId
      ? this.sessionFor(request.sessionId)
      : [...this.sessions.values()].find((s) => s.canReceive && s.systemId === request.systemId && s.isOpen);
    if (!session) throw new ConsoleInputError(`no bound receiver or transceiver of system_id "${request.systemId ?? ''}"`, 'systemId');
    if (!session.canReceive) {
      const why = session.bound ? `bound as ${session.bindType}: deliver_sm is never sent to a transmitter` : 'not bound';
      throw new ConsoleInputError(`session ${session.id} is ${why}`, 'sessionId');
    }
    return this.injector.inject(session, request);
  }

  /** Stops an MO injection at a rate (MoInjector.stop). */
  stopMoInjection(injectionId: string): MoInjectionView {
    return this.injector.stop(injectionId);
  }

  /** Unbind a session, drop its connection, or send it a fault from the library. */
  async action({ sessionId, action, fault }: SimulatorActionRequest): Promise<{ sessionId: string; outcome: string }> {
    const session = this.sessionFor(sessionId);
    this.activity.note(session.id, `action: ${action}${fault ? ` ${fault}` : ''} on ${session.label}`);
    if (action === 'drop') {
      session.socket.destroy();
      return { sessionId, outcome: 'connection dropped' };
    }
    if (action === 'fault') {
      if (!fault) throw new ConsoleInputError('fault: which one (see simulatorFaultNames)', 'fault');
      FAULTS[fault](session.socket, session.peer.tracker.nextSequenceNumber());
      return { sessionId, outcome: `fault ${fault} sent` };
    }
    if (session.keepAlive) clearInterval(session.keepAlive);
    const outcome = await session.peer.request('unbind').then(
      (response) => `unbound: unbind_resp ${statusName(response.commandStatus)}`,
      (error: Error) => `unbind unanswered (${error.message}); connection closed`,
    );
    session.peer.connection.end('the simulator unbound');
    return { sessionId, outcome };
  }

  private sessionFor(sessionId: string): ServerSession {
    const session = this.sessions.get(sessionId);
    if (!session || !session.isOpen) throw new ConsoleInputError(`no open simulator session ${sessionId}`, 'sessionId');
    return session;
  }

  private accept(socket: Socket): ServerSession {
    const connection = new Connection(socket, this.options.onError ? { onError: this.options.onError } : {});
    const peer = new SmppPeer(connection, { windowSize: 100, timeoutMs: this.options.responseTimeoutMs ?? 10_000 });
    const session = new ServerSession(`sim-${this.nextSessionNumber++}`, peer, socket);
    this.sessions.set(session.id, session);
    this.activity.note(session.id, `connection from ${connection.remoteAddress}`);
    peer.on('request', (pdu) => this.answer(session, pdu));
    peer.once('close', (reason) => {
      if (session.keepAlive) clearInterval(session.keepAlive);
      this.sessions.delete(session.id);
      this.activity.note(session.id, `closed: ${reason}`);
    });
    return session;
  }

  private answer(session: ServerSession, pdu: Pdu): void {
    const { peer } = session;
    switch (pdu.command) {
      case 'bind_transmitter':
      case 'bind_receiver':
      case 'bind_transceiver':
        return this.bind(session, pdu);
      case 'submit_sm':
      case 'data_sm':
      case 'submit_multi':
        return this.submits.handle(session, pdu);
      case 'query_sm':
      case 'cancel_sm':
      case 'replace_sm':
        if (!session.canTransmit) return this.submits.refuseBindState(session, pdu);
        return this.store.handle(session, pdu);
      case 'unbind':
        if (!session.bound) return peer.respond(pdu, ESME_RINVBNDSTS);
        peer.respond(pdu);
        this.activity.note(session.id, `"${session.systemId}" unbound`);
        peer.connection.end('the ESME unbound');
        return;
      default:
        peer.genericNack(pdu.sequenceNumber, 'ESME_RINVCMDID');
    }
  }

  private bind(session: ServerSession, pdu: Pdu): void {
    if (session.bound) return session.peer.respond(pdu, ESME_RALYBND);
    const bindType = BIND_TYPES[pdu.command]!;
    const systemId = String(pdu.fields.system_id ?? '');
    const verdict = this.accounts.checkBind(bindType, systemId, String(pdu.fields.password ?? ''));
    if (!verdict.ok) {
      this.activity.note(session.id, `${pdu.command} as "${systemId}" refused: ${statusName(verdict.status)} (${verdict.why})`);
      return session.peer.respond(pdu, verdict.status);
    }
    session.systemId = systemId;
    session.bindType = bindType;
    session.boundAt = Date.now();
    session.account = verdict.bound;
    session.peer.respond(pdu, 0, { system_id: this.current.smscSystemId });
    this.activity.note(session.id, `bound as ${bindType} "${systemId}"`);
    this.receipts.bound(session);
    const interval = this.current.enquireLinkIntervalMs;
    // An unanswered enquire_link is the ESME's to explain (its trace shows it); the simulator notes it and keeps asking.
    if (interval > 0) {
      session.keepAlive = setInterval(() => {
        session.peer.request('enquire_link').catch((error: Error) => this.activity.note(session.id, `enquire_link failed: ${error.message}`));
      }, interval);
    }
  }
}
