// Load runs as the contract offers them: start one (checked: bound sessions that can submit, a source that parses),
// stop it, read it. Its progress reaches clients as one aggregated 'loadRun' event at most a few times a second —
// the EventPipeline keeps only the latest — never one per message; the messages themselves travel as ever (Sent
// coalesces and overflows to a reload) and the trace keeps capturing every PDU.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LOAD_LIMITS, type LoadRequest, type LoadRunView, type MessageView, type SubmitDraft } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import type { CaptureTransfers } from '../capture/capture-transfers';
import type { ConsoleEventBus } from '../api/event-bus';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { ManagedSession } from '../sessions/managed-session';
import type { SessionManager } from '../sessions/session-manager';
import type { TraceBatch } from '../trace/trace-hub';
import { LoadCsvError, parseLoadCsv, type LoadCsv } from './load-csv';
import { LoadRunner, type LoadMessages, type LoadRunPlan } from './load-runner';

/** Progress events at most this often. */
export const LOAD_EVENT_INTERVAL_MS = 250;
/** Points an event carries: the client merges them by second, so a few skipped events lose nothing. */
export const LOAD_EVENT_POINTS = 10;
/** Bad rows a run reports line by line (all are counted). */
const ROW_ERRORS_SHOWN = 100;
/** After the last answer, receipts are watched this long at most before the chart closes. */
const RECEIPT_WATCH_MS = 10 * 60_000;

export interface LoadServiceDeps {
  submit(draft: SubmitDraft): Promise<MessageView>;
  sessions: SessionManager;
  events: ConsoleEventBus;
  diagnostics: Diagnostics;
  /** A CSV the renderer uploaded in pieces (uploadCapture): its text and name; the upload is then let go. */
  readUpload(uploadId: string): { text: string; fileName: string };
}

export class LoadService {
  private run: LoadRunner | null = null;
  private timer: NodeJS.Timeout | null = null;
  private changed = false;
  private closed = false;
  private readonly listeners: { message: (message: MessageView) => void; trace: (batch: TraceBatch) => void };

  constructor(private readonly deps: LoadServiceDeps) {
    this.listeners = {
      message: (message) => this.run?.receipts.message(message),
      trace: (batch) => this.run?.traceRows(batch.rows),
    };
    deps.events.on('message', this.listeners.message);
    deps.events.on('trace', this.listeners.trace);
  }

  start(request: LoadRequest): LoadRunView {
    if (this.run && this.run.state !== 'done') {
      throw new ConsoleInputError(`Sessions: a load run is ${this.run.state === 'running' ? 'running' : 'finishing'}; stop it first`, 'sessionIds');
    }
    // The source first: an uploaded CSV is read (and let go) whatever else is wrong with the request.
    const { messages, rowErrors, source } = this.messagesOf(request);
    const sessions = request.sessionIds.map((id, index) => {
      const field = `sessionIds.${index}`;
      let session: ManagedSession;
      try {
        session = this.deps.sessions.get(id);
      } catch {
        throw new ConsoleInputError(`Sessions: no session ${id}`, field);
      }
      if (session.state !== 'bound') throw new ConsoleInputError(`Sessions: ${session.profile.name} is ${session.state}; bind it first`, field);
      if (session.profile.bindMode === 'receiver') {
        throw new ConsoleInputError(`Sessions: ${session.profile.name} is bound as a receiver (RX) and cannot submit`, field);
      }
      return session;
    });
    // Everything else the request carries is the composed draft's (encoding, split, options), for every message.
    const { sessionIds: _sessionIds, source: _source, ratePerSecond, ...settings } = request;
    const plan: LoadRunPlan = {
      id: randomUUID(), sessionIds: sessions.map((s) => s.id), ratePerSecond, sourceAddr: request.source.sourceAddr, settings, messages, source, rowErrors,
    };
    // The previous run's receipts are no longer counted: its chart closes as it stands.
    this.run?.stats.seal();
    // The sessions themselves, not their ids: one dismissed mid-run stays closed here, and ends the run like a closed one.
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const run = new LoadRunner(plan, {
      submit: (draft) => this.deps.submit(draft),
      session: (id) => {
        const session = byId.get(id)!;
        return { state: session.state, windowSize: session.profile.windowSize, reconnecting: session.nextAttemptAt !== null };
      },
      onChange: (urgent) => this.changedRun(run, urgent),
      onError: (error) => this.deps.diagnostics.report(error, { where: 'load run' }),
    });
    this.run = run;
    run.start();
    this.publishSoon();
    return run.view();
  }

  stop(runId: string): LoadRunView {
    const run = this.find(runId);
    run.stop();
    return run.view();
  }

  /** A run with every point it has (the newest when no id is given; null when none ran this time). */
  status(runId?: string): LoadRunView | null {
    if (runId === undefined) return this.run?.view() ?? null;
    return this.find(runId).view();
  }

  close(): void {
    this.closed = true;
    this.run?.stop();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deps.events.off('message', this.listeners.message);
    this.deps.events.off('trace', this.listeners.trace);
  }

  private find(runId: string): LoadRunner {
    if (!this.run || this.run.plan.id !== runId) throw new ConsoleInputError(`runId: no load run ${runId} (only the latest is kept)`, 'runId');
    return this.run;
  }

  private messagesOf(request: LoadRequest): Pick<LoadRunPlan, 'messages' | 'rowErrors' | 'source'> {
    const { source } = request;
    if (source.kind === 'count') {
      const one = { destinationAddr: source.destinationAddr, text: source.text };
      return { messages: { total: source.count, at: () => one }, rowErrors: { total: 0, first: [] }, source: { kind: 'count', fileName: null } };
    }
    const field = source.kind === 'csv' ? 'source.csv' : 'source.uploadId';
    const { text, fileName } = source.kind === 'csv' ? { text: source.csv, fileName: null } : this.deps.readUpload(source.uploadId);
    let parsed: LoadCsv;
    try {
      parsed = parseLoadCsv(text);
    } catch (error) {
      if (error instanceof LoadCsvError) throw new ConsoleInputError(error.message, field);
      throw error;
    }
    const { rows, errors } = parsed;
    if (rows.length === 0) {
      const first = errors[0] ? ` (line ${errors[0].line}: ${errors[0].message})` : '';
      throw new ConsoleInputError(`CSV file: no row to send — ${errors.length} bad${first}`, field);
    }
    const messages: LoadMessages = { total: rows.length, at: (index) => rows[index]! };
    return { messages, rowErrors: { total: errors.length, first: errors.slice(0, ROW_ERRORS_SHOWN) }, source: { kind: 'csv', fileName } };
  }

  private changedRun(run: LoadRunner, urgent: boolean): void {
    if (run !== this.run || this.closed) return;
    this.changed = true;
    if (urgent) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.publish();
    } else this.publishSoon();
  }

  private publishSoon(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.publish();
    }, LOAD_EVENT_INTERVAL_MS);
    // Watching for receipts that may never come must not keep a shutting-down process alive.
    this.timer.unref();
  }

  /**
   * The latest view, with the newest points. While the run submits the clock keeps ticking (the chart moves even
   * when nothing answers); after it, the chart goes on while receipts come, and closes once none is awaited.
   */
  private publish(): void {
    const run = this.run;
    if (!run) return;
    run.stats.tick();
    const watching = run.state !== 'done' || (run.receipts.awaitingCount > 0 && Date.now() - (run.endedAt ?? 0) < RECEIPT_WATCH_MS);
    if (!watching) run.stats.seal();
    if (this.changed || !watching) this.deps.events.emit('loadRun', run.view(LOAD_EVENT_POINTS));
    this.changed = false;
    if (watching) this.publishSoon();
  }
}

/** An uploaded CSV's text, within the size limit; the upload is let go either way (it was for this run only). */
export function readCsvUpload(transfers: CaptureTransfers, uploadId: string): { text: string; fileName: string } {
  try {
    const { path, fileName, size } = transfers.uploaded(uploadId);
    if (size > LOAD_LIMITS.maxCsvOctets) {
      throw new ConsoleInputError(`CSV file: at most ${LOAD_LIMITS.maxCsvOctets / 1024 / 1024} MiB (${fileName} has ${size.toLocaleString('en')} octets)`, 'source.uploadId');
    }
    return { text: readFileSync(path, 'utf8'), fileName };
  } catch (error) {
    if (error instanceof ConsoleInputError && error.field === 'uploadId') throw new ConsoleInputError(`CSV file: ${error.message}`, 'source.uploadId');
    throw error;
  } finally {
    transfers.discard(uploadId);
  }
}
