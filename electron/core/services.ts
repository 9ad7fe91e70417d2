// Builds the console's services once, for either shell (Electron main or the browser host), so the two cannot
// drift: database, trace pipeline, sessions, messages, the built-in simulator, and the contract's handlers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallResult } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { ConsoleInputError } from './api/console-input-error';
import { importCapture } from './capture/capture-import';
import { CaptureFormatError } from './capture/capture-reader';
import { CaptureTransfers } from './capture/capture-transfers';
import { dispatchCall, type ConsoleHandlers } from './api/dispatch';
import { ConsoleEventBus } from './api/event-bus';
import { consoleDiagnostics } from './diagnostics/console-diagnostics';
import type { Diagnostics } from './diagnostics/diagnostics';
import { InboxActions } from './messages/inbox-actions';
import { LoadService, readCsvUpload } from './load/load-service';
import { ListCountsKeeper } from './messages/list-counts';
import { messageLifecycle } from './messages/message-lifecycle';
import { draftContentOf, MessageService } from './messages/message-service';
import { LifecycleRepo } from './store/lifecycle-repo';
import { Operations } from './messages/operations';
import { ProfileService } from './profiles/profile-service';
import { SessionManager } from './sessions/session-manager';
import { planOutbind } from './smpp/outbind-plan';
import { SmscSimulator } from './simulator/smsc-simulator';
import { ScenarioStore } from './simulator/scenario-store';
import { simulatorHandlers } from './simulator/simulator-handlers';
import { openDatabase } from './store/database';
import { DraftsRepo } from './store/drafts-repo';
import { GroupCommit } from './store/group-commit';
import { InboxRepo } from './store/inbox-repo';
import { InboxDuplicates } from './store/inbox-duplicates';
import { MessagesRepo } from './store/messages-repo';
import { ProfilesRepo } from './store/profiles-repo';
import type { SecretStore } from './store/secret-store';
import { EventPipeline } from './api/event-pipeline';
import { DATABASE_FILE } from './store/database';
import { decodeHex } from './trace/dissector/decode-hex';
import { DEFAULT_TRACE_RETENTION, TraceHub } from './trace/trace-hub';
import { TraceStore } from './trace/store/trace-store-client';

export interface ServicesOptions {
  dataDir: string;
  secrets: SecretStore;
  /** The built-in SMSC simulator; port 0 picks a free one. */
  simulator: { host: string; port: number; receiptDelayMs?: number; enquireLinkIntervalMs?: number };
  /** The benchmark's comparison only: what full durability (the default, FULL) costs against NORMAL. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * The built trace store worker (out/main/trace-store-worker.js): the shells and the benchmark pass it, so trace
   * writes leave the main thread. Without it (tests importing the sources) the store runs on this thread.
   */
  traceStoreWorker?: URL;
  /** Trace records kept (default a million). */
  traceRetention?: number;
}

export interface Services {
  handlers: ConsoleHandlers;
  /** A call from either shell: validated, handled, and any unexpected error reported to the log. */
  call(method: unknown, payload: unknown): Promise<CallResult>;
  /** Core's events, one per happening (tests listen here). */
  events: ConsoleEventBus;
  /** The same events coalesced per client, with backpressure: what transports attach to. */
  pipeline: EventPipeline;
  diagnostics: Diagnostics;
  simulatorAddress: { host: string; port: number };
  close(): Promise<void>;
}

export const SIMULATOR_PROFILE_NAME = 'Local simulator';

export async function createServices(options: ServicesOptions): Promise<Services> {
  const warnings: string[] = [];
  const db = openDatabase(options.dataDir, { onWarning: (warning) => warnings.push(warning), ...(options.synchronous ? { synchronous: options.synchronous } : {}) });
  const events = new ConsoleEventBus();
  const { diagnostics, health } = consoleDiagnostics(join(options.dataDir, 'logs'), (h) => events.emit('storeHealth', h));
  for (const warning of warnings) diagnostics.info(warning, { where: 'opening the data folder' });
  const profiles = new ProfilesRepo(db, options.secrets);
  const messages = new MessagesRepo(db);
  const inbox = new InboxRepo(db);
  // Counted before any session can deliver, and kept from then on by the events.
  const listCounts = new ListCountsKeeper(db, inbox, events);
  const lifecycle = new LifecycleRepo(db);
  const traceRetention = options.traceRetention ?? DEFAULT_TRACE_RETENTION;
  const { store: traceStore, nextId } = await TraceStore.start({
    dataDir: options.dataDir, retainRecords: traceRetention, mainDatabaseFile: join(options.dataDir, DATABASE_FILE),
    ...(options.synchronous ? { synchronous: options.synchronous } : {}),
    ...(options.traceStoreWorker ? { workerUrl: options.traceStoreWorker } : {}),
    health, diagnostics, onPruned: (lowestId) => events.emit('tracePruned', { lowestId }),
  }).catch((error: Error) => {
    db.close();
    throw new Error(`the trace store cannot start: ${error.message}`, { cause: error });
  });
  const trace = new TraceHub({
    store: traceStore, nextId, diagnostics,
    onBatch: (batch) => events.emit('trace', batch),
    onStats: (stats) => events.emit('traceStats', stats),
  });
  diagnostics.attachTrace((sessionId, text) => trace.note(sessionId, 'error', text));
  const transfers = new CaptureTransfers(options.dataDir);
  const inboxActions = new InboxActions(db, inbox, listCounts, events, transfers);
  const pipeline = new EventPipeline(events, diagnostics);
  // The simulator runs the scenario it ran last (kept in the data folder), and never repeats a message_id.
  const scenarios = new ScenarioStore(join(options.dataDir, 'simulator'));
  const lastScenario = scenarios.loadActive((problem) => diagnostics.info(problem, { where: 'simulator' }));
  const simulator = new SmscSimulator({
    ...options.simulator, ...(lastScenario ? { scenario: lastScenario } : {}), idStateFile: scenarios.idStateFile,
    onError: (error, where) => diagnostics.report(error, { where: `simulator: ${where}` }),
  });
  const simulatorAddress = await simulator.start().catch(async (error: Error) => {
    await traceStore.close();
    db.close();
    throw new Error(`the built-in simulator cannot listen on ${options.simulator.host}:${options.simulator.port}: ${error.message}`);
  });
  seedSimulatorProfile(profiles);
  const profileService = new ProfileService(profiles, events);

  const sessions = new SessionManager({
    profiles, trace, events, diagnostics,
    targetOf: (profile) => (profile.builtinSimulator ? simulator.address : { host: profile.host, port: profile.port }),
    // A deliver_sm can only arrive after a bind, long after messageService exists.
    onDeliver: (session, pdu) => messageService.deliver(session, pdu),
  });
  const messageService = new MessageService({
    commits: new GroupCommit(db), health, messages, inbox, duplicates: new InboxDuplicates(db), sessions, events, diagnostics,
    receiptScope: (profile) => profiles.sameSmsc(profile),
  });

  const operations = new Operations(sessions);
  const drafts = new DraftsRepo(db);
  // Load runs send through the same MessageService as Compose (each a normal message), not through the handler:
  // a run is not a draft to recall, and one recent-draft write per message would cost an fsync each.
  const load = new LoadService({
    submit: (draft) => messageService.submit(draft), sessions, events, diagnostics,
    readUpload: (uploadId) => readCsvUpload(transfers, uploadId),
  });

  const handlers: ConsoleHandlers = {
    listProfiles: () => profileService.list(),
    createProfile: (draft) => profileService.create(draft),
    updateProfile: ({ id, draft }) => profileService.update(id, draft),
    duplicateProfile: ({ id }) => profileService.duplicate(id),
    deleteProfile: ({ id }) => profileService.delete(id),
    exportProfiles: () => profileService.exportJson(),
    importProfiles: ({ json }) => profileService.importJson(json),
    listSessions: () => sessions.list(),
    connect: (request) => sessions.connect(request),
    disconnect: ({ sessionId }) => sessions.disconnect(sessionId),
    reconnectSession: ({ sessionId }) => sessions.reconnect(sessionId),
    dismissSessions: ({ sessionIds }) => sessions.dismiss(sessionIds),
    submit: async (draft) => {
      // Recalled later whether the SMSC took it or not: a refused draft is the one most worth sending again.
      try {
        return await messageService.submit(draft);
      } finally {
        drafts.addRecent(draftContentOf(draft), Date.now());
      }
    },
    listMessages: (request) => messages.list(request),
    enquireLink: ({ sessionId }) => operations.enquireLink(sessionId),
    sendRawPdu: ({ sessionId, hex, keepSequenceNumber }) => operations.sendRawPdu(sessionId, hex, keepSequenceNumber),
    querySm: (ref) => operations.querySm(ref),
    cancelSm: (ref) => operations.cancelSm(ref),
    replaceSm: (ref) => operations.replaceSm(ref),
    dataSm: (request) => operations.dataSm(request),
    listRecentDrafts: () => drafts.listRecent(),
    listTemplates: ({ profileId }) => drafts.listTemplates(profileId),
    saveTemplate: ({ profileId, name, draft }) => {
      if (!profiles.get(profileId)) throw new ConsoleInputError(`no profile ${profileId}`, 'profileId');
      return drafts.saveTemplate(profileId, name, draft, Date.now());
    },
    deleteTemplate: ({ id }) => {
      if (!drafts.deleteTemplate(id)) throw new ConsoleInputError(`no template ${id}`, 'id');
      return { id };
    },
    listInbox: (request) => inbox.list(request),
    listCounts: () => listCounts.current(),
    markInboxRead: ({ sessionId, ids }) => inboxActions.markRead(ids, sessionId),
    clearInbox: ({ sessionId }) => inboxActions.clear(sessionId),
    exportInbox: ({ sessionId, filter }) => inboxActions.exportCsv(sessionId, filter),
    messageLifecycle: ({ id }) => messageLifecycle({ messages, lifecycle, findPdus: (lookups) => trace.findPdus(lookups), diagnostics }, id),
    traceCount: ({ filter, sort }) => trace.count(filter, sort),
    tracePage: ({ filter, sort, snapshotId, offset, limit }) => trace.page(filter, sort, snapshotId, offset, limit),
    traceAfter: ({ filter, afterId, limit }) => trace.after(filter, afterId, limit),
    tracePosition: async ({ filter, sort, snapshotId, id }) => ({ position: await trace.position(filter, sort, snapshotId, id) }),
    traceSessions: () => trace.sessions(),
    traceStats: ({ sessionId }) => trace.statsOf(sessionId),
    traceDetail: async ({ id }) => {
      const detail = await trace.detail(id);
      if (!detail) throw new ConsoleInputError(`no trace record ${id} (older ones are pruned past the newest ${traceRetention.toLocaleString('en')})`, 'id');
      return detail;
    },
    decodeHex: ({ hex, defaultAlphabet }) => decodeHex(hex, defaultAlphabet),
    exportTrace: async ({ scope, format }) => {
      const { exportId, fileName, path } = transfers.newExport(format);
      const written = await trace.exportTrace(scope, format, path);
      return { exportId, fileName, ...written };
    },
    readExport: ({ exportId, offset, length }) => transfers.readExport(exportId, offset, length),
    uploadCapture: (piece) => transfers.receive(piece),
    importCapture: async ({ uploadId, smppPorts }) => {
      const { path, fileName } = transfers.uploaded(uploadId);
      try {
        return await importCapture(await readFile(path), { hub: trace, fileName, importId: uploadId.slice(0, 8), smppPorts });
      } catch (error) {
        if (error instanceof CaptureFormatError) throw new ConsoleInputError(error.message, 'file');
        throw error;
      } finally {
        transfers.discard(uploadId);
      }
    },
    outbindPlan: ({ host, listenAddress }) =>
      planOutbind(host, listenAddress).catch((error: Error) => {
        throw new ConsoleInputError(error.message, 'host');
      }),
    storeHealth: () => health.current,
    ...simulatorHandlers(simulator, scenarios),
    startLoad: (request) => load.start(request),
    stopLoad: ({ runId }) => load.stop(runId),
    loadStatus: ({ runId }) => load.status(runId),
  };

  return {
    handlers,
    call: (method, payload) => dispatchCall(handlers, diagnostics, method, payload),
    events,
    pipeline,
    diagnostics,
    simulatorAddress,
    async close() {
      load.close();
      await sessions.closeAll();
      await simulator.stop();
      pipeline.close();
      listCounts.close();
      await trace.close();
      health.stop();
      db.close();
    },
  };
}

/** On first start the console offers the built-in simulator, so it works with no SMSC at all. */
function seedSimulatorProfile(profiles: ProfilesRepo): void {
  if (profiles.list().some((p) => p.builtinSimulator)) return;
  profiles.create({ ...DEFAULT_PROFILE_SETTINGS, name: SIMULATOR_PROFILE_NAME, systemId: 'console' }, true);
}
