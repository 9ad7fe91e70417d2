// A database that stops taking writes (here: locked by another writer — the tests run as root, which ignores
// file modes, so a read-only file cannot be staged; a lock fails the same write path with SQLITE_BUSY). Protocol
// duties are still answered, nothing is dropped: trace batches are held and retried, a deliver_sm that cannot be
// committed is answered ESME_RX_T_APPN so the SMSC sends it again, the UI is told, and the log keeps the stack.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreHealth, TraceSummary } from '../../shared/contract';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import { DATABASE_FILE } from '../../electron/core/store/database';
import { TRACE_DATABASE_FILE } from '../../electron/core/trace/store/trace-db';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc, type RawSmsc, type RawSmscContext } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';
import { storedTrace } from '../support/trace-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ESME_RX_T_APPN = 0x64;

describe('a database that stops taking writes', () => {
  it('holds and retries trace batches, defers deliver_sm with ESME_RX_T_APPN, answers enquire_link, shows a banner, and catches up', async () => {
    const answers: Pdu[] = [];
    let smscSide: RawSmscContext | null = null;
    const smsc: RawSmsc = await startRawSmsc((pdu, ctx) => {
      smscSide = ctx;
      if (pdu.command.endsWith('_resp')) answers.push(pdu);
    });
    cleanups.push(() => smsc.stop());
    const { services, inbox, profile, dataDir } = await consoleAgainstSmsc(smsc, cleanups);
    const health: StoreHealth[] = [];
    const trace: TraceSummary[] = [];
    services.events.on('storeHealth', (h) => health.push(h));
    services.events.on('trace', (batch) => trace.push(...batch.rows));
    const rx = await profile('receiver');
    const session = await services.handlers.connect({ profileId: rx.id });
    const deliver = (sequenceNumber: number, text: string) =>
      smscSide!.send({ command: 'deliver_sm', sequenceNumber, fields: { source_addr: '447700900001', destination_addr: '100', short_message: Buffer.from(text) } });
    // The SMSC's first PDU gives the script its socket; an enquire_link is harmless.
    smsc.sockets[0]!.write(Buffer.from('00000010000000150000000000000063', 'hex'));
    await waitFor(() => smscSide && answers.some((a) => a.command === 'enquire_link_resp'));

    // Both files refuse writes, as on a full disk: the main database and the trace store's own.
    const lockers = [DATABASE_FILE, TRACE_DATABASE_FILE].map((file) => new DatabaseSync(join(dataDir, file)));
    for (const locker of lockers) locker.exec('BEGIN EXCLUSIVE');
    deliver(201, 'during the outage');
    smscSide!.send({ command: 'enquire_link', sequenceNumber: 202 });
    const deferred = await waitFor(() => answers.find((a) => a.sequenceNumber === 201));
    expect(deferred).toMatchObject({ command: 'deliver_sm_resp', commandStatus: ESME_RX_T_APPN });
    expect(await waitFor(() => answers.find((a) => a.sequenceNumber === 202))).toMatchObject({ command: 'enquire_link_resp', commandStatus: 0 });

    // quietly retried first, then — still down — the UI is told, with what waits and what was deferred
    expect(health[0]).toMatchObject({ state: 'retrying', lastError: 'database is locked' });
    const failing = await waitFor(() => health.find((h) => h.state === 'failing'), 5000);
    expect(failing.deferredDeliveries).toBe(1);
    await waitFor(() => health.at(-1)!.unsavedTraceRecords >= 4);
    expect((await services.handlers.storeHealth()).state).toBe('failing');
    // the session's trace says what happened to that deliver_sm; the log has the stack
    const note = await waitFor(() => trace.find((t) => t.direction === 'event' && t.commandName === 'error'));
    expect(note).toMatchObject({ sessionId: session.id, summary: expect.stringMatching(/^committing deliver_sm seq 201 \(answered ESME_RX_T_APPN.*\): database is locked$/) });
    const log = readFileSync(join(dataDir, 'logs', 'smpp-console.log'), 'utf8');
    expect(log).toMatch(/ERROR \[committing deliver_sm seq 201 .*\] session=\S+ Error: database is locked\n {4}at /);

    // the store comes back: held trace records are written, the SMSC's re-sent deliver_sm is committed and acknowledged
    const outageIds = trace.filter((t) => t.direction !== 'event').map((t) => t.id);
    for (const locker of lockers) {
      locker.exec('COMMIT');
      locker.close();
    }
    deliver(203, 'during the outage');
    expect(await waitFor(() => answers.find((a) => a.sequenceNumber === 203))).toMatchObject({ commandStatus: 0 });
    await waitFor(() => health.at(-1)!.state === 'ok' && health.at(-1)!.unsavedTraceRecords === 0, 8000);
    expect(inbox.map((i) => i.text)).toEqual(['during the outage']);
    const stored = new Set((await storedTrace(services)).map((t) => t.id));
    for (const id of outageIds) expect(stored.has(id)).toBe(true);
  });
});
