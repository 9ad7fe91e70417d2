// One session as the user sees it: a profile's connection across reconnects, with its counters and its flow
// control (submit rate limit; ESME_RTHROTTLED / ESME_RMSGQFUL → back off and retry). Each attempt is a fresh
// EsmeSession on a fresh socket; requests pending on a dropped connection fail there and are never replayed.
import { EventEmitter } from 'node:events';
import type { SessionCounters, SessionState, SessionView } from '../../../shared/contract';
import type { Diagnostics } from '../diagnostics/diagnostics';
import { EsmeSession } from '../smpp/esme-session';
import type { Pdu, PduValue } from '../smpp/pdu-codec';
import type { RawTlvValues, TlvValues } from '../smpp/smpp-peer';
import { statusName } from '../smpp/smpp-tables';
import type { Profile } from '../store/profiles-repo';
import type { TraceHub } from '../trace/trace-hub';
import { backoffDelay, SubmitPacer } from './flow-control';

/** Statuses that mean "not now" rather than "no": the submit is retried after a back-off. */
const THROTTLING_STATUSES = new Set([0x58 /* ESME_RTHROTTLED */, 0x14 /* ESME_RMSGQFUL */]);

export interface ManagedSessionDeps {
  /** Read at each bind: a password supplied later (asked for at Connect) is the one a reconnect uses. */
  password: () => string;
  target: { host: string; port: number };
  trace: TraceHub;
  diagnostics: Diagnostics;
  onDeliver: (session: ManagedSession, pdu: Pdu) => Promise<number>;
}

interface ManagedSessionEvents {
  /** Something the user sees changed; `urgent` for state changes, which are not worth coalescing. */
  changed: [urgent: boolean];
}

export class ManagedSession extends EventEmitter<ManagedSessionEvents> {
  readonly counters: SessionCounters = {
    pdusIn: 0, pdusOut: 0, submitsOk: 0, submitsFailed: 0, outstanding: 0, lastRoundTripMs: null, throttled: 0, reconnects: 0,
  };
  nextAttemptAt: number | null = null;
  private current: EsmeSession | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  private userClosed = false;
  private readonly pacer: SubmitPacer;

  constructor(
    readonly id: string,
    readonly profile: Profile,
    private readonly deps: ManagedSessionDeps,
  ) {
    super();
    this.pacer = new SubmitPacer(profile.maxSubmitRate);
  }

  get state(): SessionState {
    return this.current?.state ?? 'closed';
  }

  /** First attempt; rejects with why it failed (reconnecting goes on in the background when the policy says so). */
  async open(): Promise<void> {
    await this.attempt();
  }

  request(command: string, fields: Record<string, PduValue> = {}, tlvs: TlvValues = {}, rawTlvs: RawTlvValues = []): Promise<Pdu> {
    if (!this.current) return Promise.reject(new Error('session is closed'));
    return this.current.request(command, fields, tlvs, rawTlvs);
  }

  sendRaw(bytes: Buffer, keepSequenceNumber: boolean): { sequenceNumber: number; response: Promise<Pdu> | null } {
    if (!this.current) throw new Error('session is closed');
    return this.current.sendRaw(bytes, keepSequenceNumber);
  }

  /** submit_sm (or submit_multi) with the profile's rate limit, retried after throttling; resolves with the last response. */
  async submit(fields: Record<string, PduValue>, tlvs: TlvValues = {}, rawTlvs: RawTlvValues = [], command = 'submit_sm'): Promise<Pdu> {
    const { throttleRetries, reconnect } = this.profile;
    for (let attempt = 0; ; attempt += 1) {
      await this.pacer.next();
      const response = await this.request(command, fields, tlvs, rawTlvs).catch((error: Error) => {
        this.count('submitsFailed');
        throw error;
      });
      if (!THROTTLING_STATUSES.has(response.commandStatus) || attempt >= throttleRetries) {
        this.count(response.commandStatus === 0 ? 'submitsOk' : 'submitsFailed');
        return response;
      }
      this.count('throttled');
      const delay = backoffDelay(attempt, reconnect.minBackoffMs, reconnect.maxBackoffMs);
      this.note('throttled', `${statusName(response.commandStatus)}: retry ${attempt + 1}/${throttleRetries} in ${delay} ms`, response.sequenceNumber);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Binds again after the session closed (Reconnect on its row): the same session, its counters going on. */
  async reopen(): Promise<void> {
    if (this.state !== 'closed') throw new Error(`the session is ${this.state}, not closed`);
    this.userClosed = false;
    this.cancelReconnect();
    this.count('reconnects');
    await this.attempt();
  }

  async close(): Promise<void> {
    this.userClosed = true;
    this.cancelReconnect();
    await this.current?.close();
    this.emit('changed', true);
  }

  view(): SessionView {
    const esme = this.current;
    return {
      id: this.id, profileId: this.profile.id, profileName: this.profile.name, state: this.state,
      smscSystemId: esme?.smscSystemId ?? null, closeReason: esme?.closeReason ?? null, nextAttemptAt: this.nextAttemptAt,
      counters: { ...this.counters, outstanding: esme?.outstanding ?? 0 },
    };
  }

  private async attempt(): Promise<void> {
    this.nextAttemptAt = null;
    const esme = this.createEsme();
    this.current = esme;
    esme.on('state', (state) => {
      this.emit('changed', true);
      if (state === 'closed') this.afterClose(esme);
    });
    await esme.open();
    this.failedAttempts = 0;
  }

  private createEsme(): EsmeSession {
    const p = this.profile;
    const sink = this.deps.trace.sinkFor(this.id, p.defaultAlphabet);
    return new EsmeSession({
      ...this.deps.target,
      connectMode: p.connectMode, outbindPort: p.outbindPort, outbindAddress: p.outbindAddress, outbindSystemId: p.outbindSystemId, tls: p.tls,
      bindMode: p.bindMode, systemId: p.systemId, password: this.deps.password(), systemType: p.systemType,
      interfaceVersion: p.interfaceVersion, addrTon: p.addrTon, addrNpi: p.addrNpi, addressRange: p.addressRange,
      enquireLinkIntervalMs: p.enquireLinkIntervalMs, enquireLinkMisses: p.enquireLinkMisses,
      responseTimeoutMs: p.responseTimeoutMs, windowSize: p.windowSize,
      trace: {
        record: (entry) => {
          this.count(entry.direction === 'in' ? 'pdusIn' : 'pdusOut');
          sink.record(entry);
        },
        closed: (reason) => sink.closed?.(reason),
        opened: (endpoints) => sink.opened?.(endpoints),
      },
      onNote: (text, kind, sequenceNumber) => {
        // A timeout settles its request in the trace's pairing: the note stands in for the response.
        if (kind === 'timeout' && sequenceNumber !== undefined) return sink.timedOut(sequenceNumber, text);
        // A refused outbind is a security event: kept in the log as well as shown in the trace.
        if (kind === 'refused') this.deps.diagnostics.info(text, { where: 'outbind', sessionId: this.id });
        this.note(p.connectMode === 'outbind' ? 'outbind' : 'link', text, sequenceNumber);
      },
      onRoundTrip: (ms) => (this.counters.lastRoundTripMs = Math.round(ms * 10) / 10),
      onDeliver: (pdu) => this.deps.onDeliver(this, pdu),
      onError: (error, where) => this.deps.diagnostics.report(error, { where, sessionId: this.id }),
    });
  }

  /** After a close the user did not ask for: reconnect with exponential backoff and jitter, if the policy says so. */
  private afterClose(esme: EsmeSession): void {
    if (esme !== this.current || this.userClosed || esme.closedByUser || !this.profile.reconnect.enabled) return;
    if (this.reconnectTimer) return;
    if (esme.refusedFinally) {
      this.note('reconnect', `${esme.closeReason ?? 'bind refused'} — not reconnecting: retrying would repeat the refusal`);
      return;
    }
    const { minBackoffMs, maxBackoffMs } = this.profile.reconnect;
    const delay = backoffDelay(this.failedAttempts, minBackoffMs, maxBackoffMs);
    this.failedAttempts += 1;
    this.nextAttemptAt = Date.now() + delay;
    this.note('reconnect', `${esme.closeReason ?? 'closed'} — reconnecting in ${delay} ms (attempt ${this.failedAttempts})`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.count('reconnects');
      // A failed attempt closes with its reason (shown on the session and noted in the trace), and afterClose
      // schedules the next; a failure that did not close the session with a reason is unexpected, and reported.
      this.attempt().catch((error: unknown) => {
        if (this.current?.closeReason == null) this.deps.diagnostics.report(error, { where: 'reconnecting', sessionId: this.id });
      });
    }, delay);
    this.emit('changed', true);
  }

  private cancelReconnect(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.nextAttemptAt = null;
  }

  private note(kind: string, text: string, sequenceNumber = 0): void {
    this.deps.trace.note(this.id, kind, text, sequenceNumber);
  }

  private count(counter: Exclude<keyof SessionCounters, 'lastRoundTripMs' | 'outstanding'>): void {
    this.counters[counter] += 1;
    this.emit('changed', false);
  }
}
