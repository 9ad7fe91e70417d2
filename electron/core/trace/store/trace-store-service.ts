// The trace store's side of the port: it owns the trace database (its own connection, its own file), appends what
// the main side sends, answers queries, and reports its health back. In the app it runs in a worker thread, so a
// burst of PDUs never makes the main thread wait on SQLite; tests run it in the same thread over the same port.
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { DATABASE_FILE } from '../../store/database';
import { exportTrace } from '../export/trace-export';
import { unpackTraceBatch } from './trace-batch-codec';
import { importLegacyTrace, openTraceDatabase, TraceDb } from './trace-db';
import { PduLookups } from './pdu-lookup';
import { TraceQueries } from './trace-query';
import { errorShape, type FromStore, type StorePort, type StoreReplies, type StoreRequest, type ToStore, type TraceStoreStart } from './trace-store-protocol';
import { TraceStoreWriter, type TraceStoreHealth } from './trace-store-writer';

export function serveTraceStore(port: StorePort, start: TraceStoreStart): void {
  const post = (message: FromStore) => port.postMessage(message);
  let db: DatabaseSync;
  let trace: TraceDb;
  let imported = 0;
  try {
    db = openTraceDatabase(start.dataDir, start.synchronous);
    trace = new TraceDb(db);
    imported = importLegacyTrace(trace, join(start.dataDir, DATABASE_FILE));
  } catch (error) {
    post({ type: 'failed-to-start', error: errorShape(error) });
    port.close();
    return;
  }
  const queries = new TraceQueries(db);
  const lookups = new PduLookups(db);
  const health: TraceStoreHealth = {
    failed: (error, where) => post({ type: 'health', call: 'failed', error: errorShape(error), where }),
    succeeded: () => post({ type: 'health', call: 'succeeded' }),
    setUnsavedTraceRecords: (count) => post({ type: 'health', call: 'unsaved', count }),
    traceRecordsDropped: (count) => post({ type: 'health', call: 'dropped', count }),
  };
  let healthy = true;
  const writer = new TraceStoreWriter(trace, {
    retainRecords: start.retainRecords,
    // succeeded() is called after every batch: only a change is worth a message to the main side.
    health: {
      ...health,
      failed: (error, where) => ((healthy = false), health.failed(error, where)),
      succeeded: () => void (!healthy && ((healthy = true), health.succeeded())),
    },
    onPruned: (lowestId) => {
      queries.invalidate();
      post({ type: 'pruned', lowestId });
    },
  });

  const answer = (request: Exclude<StoreRequest, { op: 'export' }>): StoreReplies[StoreRequest['op']] => {
    switch (request.op) {
      case 'count':
        return queries.count(request.filter, request.sort, request.snapshotId);
      case 'page':
        return queries.page(request.filter, request.sort, request.snapshotId, request.offset, request.limit);
      case 'after':
        return queries.after(request.filter, request.afterId, request.limit);
      case 'position':
        return queries.position(request.filter, request.sort, request.snapshotId, request.id);
      case 'get':
        return trace.get(request.id);
      case 'sessions':
        return trace.sessions();
      case 'findPdus':
        return lookups.find(request.lookups);
    }
  };

  /** A fact kept beside the trace (a session's name, a connection's ends): a failure is the store's health. */
  const remember = (write: () => void, where: string) => {
    try {
      write();
    } catch (error) {
      health.failed(error, where);
    }
  };

  port.on('message', (raw) => {
    const message = raw as ToStore;
    switch (message.type) {
      case 'append':
        writer.write(unpackTraceBatch(message.batch));
        post({ type: 'appended', records: message.batch.records });
        return;
      case 'session':
        return remember(() => trace.rememberSession(message.info), 'storing a trace session');
      case 'connection':
        return remember(() => trace.rememberConnection(message.connection), 'storing a trace connection');
      case 'request':
        if (message.request.op === 'export') {
          // Long: it yields between slices, and answers when the file is written.
          exportTrace(db, trace, message.request.job).then(
            (value) => post({ type: 'reply', id: message.id, ok: true, value }),
            (error: unknown) => post({ type: 'reply', id: message.id, ok: false, error: errorShape(error) }),
          );
          return;
        }
        try {
          post({ type: 'reply', id: message.id, ok: true, value: answer(message.request) });
        } catch (error) {
          post({ type: 'reply', id: message.id, ok: false, error: errorShape(error) });
        }
        return;
      case 'close':
        writer.drain();
        db.close();
        post({ type: 'closed' });
        port.close();
        return;
    }
  });
  post({ type: 'ready', nextId: trace.nextId(), imported });
}
