// A live connection's PDUs are taken down as they cross and made records after the turn's writes (trace-hub.ts):
// whoever asks the hub anything first sees every PDU taken down before it, in order, with the times of the
// crossing (not of the making) — and a request still in the store's batch is stored already paired.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceBatch } from '../../electron/core/trace/trace-hub';
import { encodePdu, pduFromInit, decodePdu } from '../../electron/core/smpp/pdu-codec';
import { startTraceHub } from '../support/trace-fixture';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('trace records made after the writes', () => {
  it('keep the order, the crossing times and the round trips; queries, notes and stats catch up first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-capture-later-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const batches: TraceBatch[] = [];
    const { hub, close } = await startTraceHub(dir, { onBatch: (batch) => batches.push(batch) });
    cleanups.push(close);
    const sink = hub.sinkFor('s1');
    const fields = { source_addr: '1', destination_addr: '447700900123', short_message: Buffer.from('hello') };
    const submit = { command: 'submit_sm', sequenceNumber: 7, fields };
    const sentAt = Date.now();
    sink.record({ direction: 'out', bytes: encodePdu(submit), pdu: pduFromInit(submit, 4), problem: null });
    // the caller reuses its fields object: the record says what was sent
    fields.destination_addr = '999';
    busy(15);
    const answer = encodePdu({ command: 'submit_sm_resp', sequenceNumber: 7, fields: { message_id: 'ab12' } });
    sink.record({ direction: 'in', bytes: answer, pdu: decodePdu(answer).pdu, problem: null });
    busy(30); // made later than they crossed: the times are the crossing's

    // a note goes after what was taken down before it; stats count both PDUs and the round trip
    hub.note('s1', 'link', 'something happened');
    const stats = hub.statsOf('s1');
    expect(stats.commands.map((c) => [c.command, c.count])).toEqual([['submit_sm', 1], ['submit_sm_resp', 1]]);
    expect(stats.rtt?.count).toBe(1);

    const { total, snapshotId } = await hub.count({}, 'time');
    expect(total).toBe(3);
    const rows = await hub.page({}, 'time', snapshotId, 0, 10);
    expect(rows.map((r) => r.commandName)).toEqual(['submit_sm', 'submit_sm_resp', 'link']);
    const [request, response] = rows;
    expect(request!.summary).toContain('447700900123');
    expect(request!.time).toBeGreaterThanOrEqual(sentAt);
    expect(request!.time).toBeLessThan(sentAt + 30); // made ≥ 45 ms after it crossed
    expect(response!.rttMs).toBeGreaterThanOrEqual(14); // both were made in one go: ≈ 0 if timed then
    // stored already paired (its record was still in the store's batch), with the same round trip
    expect(request).toMatchObject({ outcome: 'answered', responseId: response!.id, responseStatus: 0, rttMs: response!.rttMs });
    expect(response!.requestId).toBe(request!.id);
    // the UI still gets the pairing as an update to the row it was sent
    hub.flush();
    const updates = batches.flatMap((b) => b.updates);
    expect(updates).toEqual([expect.objectContaining({ requestId: request!.id, responseId: response!.id, outcome: 'answered' })]);
  });

  it('are made in the same turn, after the writes, without anyone asking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smpp-console-capture-later-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const batches: TraceBatch[] = [];
    const { hub, close } = await startTraceHub(dir, { onBatch: (batch) => batches.push(batch) });
    cleanups.push(close);
    const sink = hub.sinkFor('s2');
    const link = encodePdu({ command: 'enquire_link', sequenceNumber: 1 });
    sink.record({ direction: 'out', bytes: link, pdu: decodePdu(link).pdu, problem: null });
    expect(hub.backlog).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 80)); // the UI's batch (50 ms)
    expect(batches.flatMap((b) => b.rows).map((r) => r.commandName)).toEqual(['enquire_link']);
  });
});
