// Export and import against independent readers: the console's pcapng/pcap decode in tshark as the same PDUs
// (command, sequence, status, in order) with clean TCP streams; the export read back in gives every PDU byte for
// byte with its capture time; JSON Lines and text carry every PDU; a capture dumpcap makes of a live session
// imports with every PDU; a cut file keeps what it read and says where it broke.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../shared/contract';
import type { Services } from '../../electron/core/services';
import { DUMPCAP, exportFile, hasTshark, importFile, tsharkSmpp, tsharkTcpProblems } from '../support/capture-files';
import { consoleBoundToSimulator } from '../support/console-fixture';
import { waitFor } from '../support/simulator-fixture';
import { storedTrace } from '../support/trace-fixture';

if (!hasTshark()) console.log('capture.test: tshark is not installed (apt-get install tshark, as .ci/run does): the tshark decode checks are skipped');
if (process.getuid?.() !== 0) console.log('capture.test: not root, so dumpcap cannot capture on lo: the live capture import is skipped');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-capture-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** A session's traffic with some variety: a bind, a GSM text, a three-part UDH message, UCS-2, receipts. */
async function busyConsole() {
  const bound = await consoleBoundToSimulator(cleanups, 5);
  for (const text of ['Hello', 'x'.repeat(400), 'Привет']) await bound.send(text);
  await waitFor(async () => (await bound.services.handlers.listMessages({ limit: 10 })).every((m) => m.state === 'DELIVRD'));
  const rows = (await storedTrace(bound.services)).filter((r) => r.direction !== 'event');
  return { ...bound, rows, smscPort: bound.services.simulatorAddress.port };
}

const hexOf = async (services: Services, rows: TraceSummary[]) => Promise.all(rows.map(async (r) => (await services.handlers.traceDetail({ id: r.id })).hex));

describe('trace export', () => {
  it.runIf(hasTshark())('pcapng and pcap decode in tshark as the same PDUs, in order, on clean TCP streams', async () => {
    const { services, rows, smscPort } = await busyConsole();
    // Wireshark shows command_status on responses only (a request's is always 0).
    const expected = rows.map((r) => `${r.commandId} ${r.sequenceNumber} ${r.commandId & 0x80000000 ? r.commandStatus : ''}`);
    const dir = scratch();
    for (const format of ['pcapng', 'pcap'] as const) {
      const { result, file } = await exportFile(services, { kind: 'all' }, format);
      expect(result.records).toBe(rows.length);
      expect(result.notes.join(' ')).toContain('Passwords in bind and outbind PDUs were masked');
      const path = join(dir, result.fileName);
      writeFileSync(path, file);
      expect(await tsharkSmpp(path, smscPort)).toEqual(expected);
      // Without being told the port: Wireshark's own SMPP heuristics find it.
      expect(await tsharkSmpp(path)).toEqual(expected);
      expect(await tsharkTcpProblems(path)).toEqual([]);
    }
  });

  it('reads back in byte for byte, with its times, as a session of its own', async () => {
    const { services, rows } = await busyConsole();
    const { file } = await exportFile(services, { kind: 'all' }, 'pcapng');
    const imported = await importFile(services, file, 'walk.pcapng');
    expect(imported).toMatchObject({ streams: 1, pdus: rows.length, problems: [] });
    const back = await waitFor(async () => {
      const { total, snapshotId } = await services.handlers.traceCount({ filter: { sessionIds: imported.sessionIds }, sort: 'time' });
      return total === rows.length ? services.handlers.tracePage({ filter: { sessionIds: imported.sessionIds }, sort: 'time', snapshotId, offset: 0, limit: 1000 }) : undefined;
    });
    expect(await hexOf(services, back)).toEqual(await hexOf(services, rows));
    expect(back.map((r) => [r.direction, r.commandName, Math.round(r.time)])).toEqual(rows.map((r) => [r.direction, r.commandName, r.time]));
    // pairing works on imported rows as on live ones
    expect(back.find((r) => r.commandName === 'submit_sm')!.outcome).toBe('answered');
    const sessions = await services.handlers.traceSessions();
    expect(sessions.find((s) => s.sessionId === imported.sessionIds[0])?.profileName).toMatch(/^capture: walk\.pcapng \(127\.0\.0\.1:\d+ → 127\.0\.0\.1:\d+\)$/);
  });

  it('a filtered view, a selection, JSON Lines and text', async () => {
    const { services, rows } = await busyConsole();
    const submits = rows.filter((r) => r.commandName === 'submit_sm');
    const view = await exportFile(services, { kind: 'view', filter: { commands: ['submit_sm'] } }, 'jsonl');
    const lines = view.file.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: number; hex: string; tree: unknown[]; summary: string });
    expect(lines.map((l) => l.id)).toEqual(submits.map((r) => r.id));
    expect(lines.map((l) => l.hex)).toEqual(await hexOf(services, submits));
    expect(lines.every((l) => l.tree.length >= 2)).toBe(true);

    const [first, , third] = submits;
    const selection = await exportFile(services, { kind: 'selection', filter: { commands: ['submit_sm'] }, fromId: third!.id, toId: first!.id }, 'text');
    const text = selection.file.toString('utf8');
    expect(selection.result.records).toBe(3);
    expect(text.match(/^Header: submit_sm ESME_ROK/gm)).toHaveLength(3);
    expect(text).toContain('user data header: part 1 of 3');
  });
});

describe('capture import', () => {
  it('keeps what a cut file held and says where it broke', async () => {
    const { services, rows } = await busyConsole();
    const { file } = await exportFile(services, { kind: 'all' }, 'pcap');
    const cut = file.subarray(0, file.length - 30);
    const imported = await importFile(services, cut, 'cut.pcap');
    expect(imported.problems[0]).toMatch(/^pcap file: the file ends at octet \d+, inside packet \d+ .*; the [\d,]+ packets before it were read\.$/);
    expect(imported.pdus).toBe(rows.length - 1);
  });

  it('refuses a file that is not a capture, naming what it starts with', async () => {
    const { services } = await busyConsole();
    await expect(importFile(services, Buffer.from('hello, world'), 'notes.txt')).rejects.toThrow('capture file: starts with 0x68656c6c, which is neither pcap nor pcapng');
  });

  it.runIf(process.getuid?.() === 0)('a capture dumpcap made of a live session imports with every PDU', async () => {
    const dir = scratch();
    const path = join(dir, 'live.pcapng');
    const { services, smscPort } = await (async () => {
      const bound = await consoleBoundToSimulator(cleanups, 5);
      return { ...bound, smscPort: bound.services.simulatorAddress.port };
    })();
    const dumpcap = spawn(DUMPCAP, ['-q', '-i', 'lo', '-f', `tcp port ${smscPort}`, '-w', path], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    dumpcap.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    await waitFor(() => said.includes('Capturing on') || undefined, 10_000);
    // "Capturing on" comes as the capture opens; the filter is in place a moment later.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const text of ['one', 'two', 'y'.repeat(300)]) await services.handlers.submit({ sessionId: (await services.handlers.listSessions())[0]!.id, sourceAddr: '1', destinationAddr: '2', text });
    await waitFor(async () => (await services.handlers.listMessages({ limit: 10 })).every((m) => m.state === 'DELIVRD'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    dumpcap.kill('SIGINT');
    await new Promise((resolve) => dumpcap.once('exit', resolve));
    const live = (await storedTrace(services)).filter((r) => r.direction !== 'event' && r.sessionId !== 'x');
    const imported = await importFile(services, readFileSync(path), 'live.pcapng');
    expect(imported, `dumpcap said: ${said}`).toMatchObject({ streams: 1, problems: [] });
    // The capture started after the bind: every PDU from the first one it saw on is there.
    const back = await waitFor(async () => {
      const page = await services.handlers.traceCount({ filter: { sessionIds: imported.sessionIds }, sort: 'time' });
      return page.total === imported.pdus ? services.handlers.tracePage({ filter: { sessionIds: imported.sessionIds }, sort: 'time', snapshotId: page.snapshotId, offset: 0, limit: 1000 }) : undefined;
    });
    const key = (r: TraceSummary) => `${r.direction} ${r.commandName} ${r.sequenceNumber}`;
    const tail = live.slice(live.length - back.length);
    expect(back.map(key)).toEqual(tail.map(key));
    expect(await hexOf(services, back)).toEqual(await hexOf(services, tail));
    // 'one', 'two', and 300 GSM characters in two parts
    expect(back.filter((r) => r.commandName === 'submit_sm')).toHaveLength(4);
  });
});

