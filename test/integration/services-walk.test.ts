// The whole main-side walk of one message through createServices: real simulator socket, real database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem, TraceSummary } from '../../shared/contract';
import { createServices, type Services } from '../../electron/core/services';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import { fieldNode } from '../support/detail-fields';
import { waitFor } from '../support/simulator-fixture';
import { startTraceHub, storedTrace } from '../support/trace-fixture';

const open: Services[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function services(dataDir: string, secrets = new MemorySecretStore()): Promise<Services> {
  const s = await createServices({ dataDir, secrets, simulator: { host: '127.0.0.1', port: 0, receiptDelayMs: 20 } });
  open.push(s);
  return s;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-test-'));
  dirs.push(dir);
  return dir;
}

describe('one message through the services', () => {
  it('binds the seeded simulator profile, sends, matches the receipt, and keeps it all across a restart', async () => {
    const dataDir = tempDir();
    const secrets = new MemorySecretStore();
    const s = await services(dataDir, secrets);
    const traceBatches: TraceSummary[][] = [];
    const inbox: InboxItem[] = [];
    s.events.on('trace', (batch) => traceBatches.push(batch.rows));
    s.events.on('inbox', (item) => inbox.push(item));

    const [profile] = await s.handlers.listProfiles();
    expect(profile).toMatchObject({ name: 'Local simulator', builtinSimulator: true, passwordSet: false });
    secrets.set(profile!.id, 'hunter2', false);
    const session = await s.handlers.connect({ profileId: profile!.id });
    expect(session).toMatchObject({ state: 'bound', smscSystemId: 'SMPPConsoleSim' });

    const sent = await s.handlers.submit({ sessionId: session.id, sourceAddr: '12345', destinationAddr: '447700900123', text: 'Hello €' });
    expect(sent).toMatchObject({ state: 'accepted', dataCoding: 0, statusName: 'ESME_ROK' });
    const receipt = await waitFor(() => inbox[0]);
    expect(receipt).toMatchObject({
      kind: 'receipt', receipt: { smscMessageId: sent.smscMessageId, stat: 'DELIVRD' },
      matchedMessage: { id: sent.id, destinationAddr: '447700900123', text: 'Hello €' },
    });
    await waitFor(async () => (await s.handlers.listMessages({ limit: 500 }))[0]?.state === 'DELIVRD');

    // trace arrives in batches, not one event per PDU, and details carry the exact bytes
    await waitFor(() => traceBatches.flat().some((t) => t.commandName === 'deliver_sm_resp'));
    expect(traceBatches.length).toBeLessThan(traceBatches.flat().length);
    const submitResp = traceBatches.flat().find((t) => t.commandName === 'submit_sm_resp')!;
    expect(submitResp.summary).toBe(`message_id="${sent.smscMessageId}"`);
    const detail = await s.handlers.traceDetail({ id: submitResp.id });
    expect(detail.hex.slice(0, 8)).toBe(detail.length.toString(16).padStart(8, '0'));
    expect(fieldNode(detail, 'message_id').value).toBe(JSON.stringify(sent.smscMessageId));

    // the bind password never enters the trace: masked to the same length, NUL kept
    const bind = traceBatches.flat().find((t) => t.commandName === 'bind_transceiver')!;
    const bindDetail = await s.handlers.traceDetail({ id: bind.id });
    expect(fieldNode(bindDetail, 'password').value).toBe('"*******"');
    expect(Buffer.from(bindDetail.hex, 'hex').includes(Buffer.from('hunter2'))).toBe(false);

    await s.handlers.disconnect({ sessionId: session.id });
    await s.close();
    open.length = 0;

    const again = await services(dataDir);
    expect(await again.handlers.listProfiles()).toHaveLength(1);
    expect((await again.handlers.listInbox({ limit: 500 }))[0]).toMatchObject({ receipt: { stat: 'DELIVRD' }, matchedMessage: { id: sent.id } });
    expect((await again.handlers.listMessages({ limit: 500 }))[0]).toMatchObject({ id: sent.id, state: 'DELIVRD' });
    const stored = await storedTrace(again);
    expect(stored.map((t) => t.commandName)).toContain('deliver_sm');
  });

  it('refuses bad payloads at the boundary, naming the field and the limit', async () => {
    const s = await services(tempDir());
    const call = (method: unknown, payload: unknown) => s.call(method, payload);
    expect(await call('submit', { sessionId: 'x', sourceAddr: '1', destinationAddr: '1'.repeat(21), text: 'a' })).toEqual({
      ok: false,
      error: { field: 'destinationAddr', message: 'Destination address: at most 20 characters (destination_addr is a C-Octet String of 21 octets with its NUL)' },
    });
    expect(await call('deleteEverything', null)).toEqual({ ok: false, error: { message: 'unknown method "deleteEverything"' } });
    expect(await call('connect', { profileId: 'nope' })).toEqual({ ok: false, error: { field: 'profileId', message: 'no profile nope' } });
    const [profile] = await s.handlers.listProfiles();
    const session = await s.handlers.connect({ profileId: profile!.id });
    const unsupported = await call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '2', text: 'ab😀', encoding: 'gsm7' });
    expect(unsupported).toEqual({
      ok: false, error: { field: 'text', message: '"😀" at position 3 is not in the chosen GSM 03.38 tables; choose UCS-2 or remove it' },
    });
    const tooMany = await call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '2', text: 'a'.repeat(153 * 255 + 1) });
    expect(tooMany).toEqual({ ok: false, error: { field: 'text', message: 'text needs 256 parts; 255 is the most a concatenated message can have' } });
    expect(await call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '2', text: 'x', split: 'udh9' })).toMatchObject({
      ok: false, error: { field: 'split' },
    });
  });
});

describe('trace retention', () => {
  it('keeps the newest N records in the database, pruning in steps, and details of pruned ones say so', async () => {
    const pruned: number[] = [];
    const { hub, store, close } = await startTraceHub(tempDir(), { retainRecords: 100, ringSize: 10, onPruned: (low) => pruned.push(low) });
    const bytes = encodePdu({ command: 'enquire_link', sequenceNumber: 1 });
    const ids = Array.from({ length: 250 }, () => hub.record('s', { direction: 'out', bytes, pdu: null, problem: null }).id);
    const { total } = await hub.count({}, 'time');
    expect(total).toBeLessThanOrEqual(110);
    expect(total).toBeGreaterThanOrEqual(100);
    expect(pruned.length).toBeGreaterThan(0);
    expect((await hub.detail(ids.at(-1)!))?.id).toBe(ids.at(-1));
    expect(await hub.detail(ids[0]!)).toBeNull();
    expect(await store.request({ op: 'get', id: ids[0]! })).toBeNull();
    await close();
  });
});
