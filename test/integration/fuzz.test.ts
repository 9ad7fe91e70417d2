// A bounded fuzz (about a minute in all; FUZZ_SECONDS changes it, FUZZ_SEED replays a run) of the PDU decoder with
// the trace's summaries and details on top, and of the connection's framing over real TCP. Properties: no exception
// escapes, nothing hangs, every octet received reaches the trace (as a PDU, or as bytes that could not be framed),
// and memory stays bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { commands } from 'smpp/lib/defs.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection, type WireRecord } from '../../electron/core/smpp/connection';
import { decodePdu } from '../../electron/core/smpp/pdu-codec';
import { SmppPeer } from '../../electron/core/smpp/smpp-peer';
import { Fuzz, mutatedPdu, seededRandom, validPdu } from '../support/pdu-corpus';
import { startTraceHub } from '../support/trace-fixture';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${SECONDS} s in all`);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => (gc(), process.memoryUsage().heapUsed / 2 ** 20);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smpp-console-fuzz-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('fuzz', () => {
  it('the decoder and the trace on top of it never throw on a framed PDU, whatever its bytes', async () => {
    const fuzz = new Fuzz(seededRandom(SEED));
    const { hub, close } = await startTraceHub(dir, { ringSize: 2000 });
    const deadline = Date.now() + (SECONDS * 1000) / 2;
    let cases = 0;
    let withProblems = 0;
    while (Date.now() < deadline) {
      for (let i = 0; i < 200; i += 1, cases += 1) {
        const bytes = mutatedPdu(fuzz);
        if (bytes.length < 16) continue;
        let decoded;
        try {
          decoded = decodePdu(bytes);
        } catch (error) {
          throw new Error(`decodePdu threw on ${bytes.toString('hex')} (seed ${SEED}): ${(error as Error).stack}`, { cause: error });
        }
        if (decoded.problems.length > 0) withProblems += 1;
        const summary = hub.record('fuzz', { direction: 'in', bytes, pdu: decoded.pdu, problem: decoded.problems.join('; ') || null });
        const detail = (await hub.detail(summary.id))!;
        // the exact bytes come back, but for a password (masked with '*', same length)
        const masked = decoded.pdu.fields.password !== undefined;
        expect(detail.hex.length).toBe(bytes.length * 2);
        expect(masked || detail.hex === bytes.toString('hex')).toBe(true);
      }
    }
    await close();
    console.log(`fuzz: decoder ${cases.toLocaleString('en')} PDUs, ${withProblems.toLocaleString('en')} with named problems`);
    expect(cases).toBeGreaterThan(1000);
    expect(withProblems).toBeGreaterThan(0);
  }, (SECONDS / 2 + 30) * 1000);

  it('the framing survives random streams in random chunks: nothing escapes, nothing hangs, every octet is traced', async () => {
    const fuzz = new Fuzz(seededRandom(SEED + 1));
    const accepted: Array<(c: Connection) => void> = [];
    const escaped: string[] = [];
    const server: Server = createServer((socket) => {
      const connection = new Connection(socket, { trace: current!, stallTimeoutMs: 200, onError: (error, where) => escaped.push(`${where}: ${String(error)}`) });
      const peer = new SmppPeer(connection, { windowSize: 10, timeoutMs: 300 });
      // answered as an SMSC would: a response where the command has one (outbind and alert_notification have none)
      peer.on('request', (pdu) => void (commands[`${pdu.command}_resp`] && peer.respond(pdu)));
      accepted.shift()?.(connection);
    });
    let current: { record(entry: WireRecord): void } | null = null;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const heapBefore = heapMb();
    const deadline = Date.now() + (SECONDS * 1000) / 2;
    let streams = 0;
    let octets = 0;
    const endings = new Map<string, number>();
    while (Date.now() < deadline) {
      const pdus = Array.from({ length: 1 + fuzz.int(30) }, () => (fuzz.int(10) < 7 ? validPdu(fuzz) : mutatedPdu(fuzz)));
      const stream = Buffer.concat(pdus);
      const traced: Buffer[] = [];
      current = { record: (entry) => void (entry.direction === 'in' && traced.push(entry.bytes)) };
      const connected = new Promise<Connection>((resolve) => accepted.push(resolve));
      const client = connect(port, '127.0.0.1');
      client.on('data', () => undefined);
      client.on('error', () => undefined); // the server may close first (unframeable input): that is the point
      const connection = await connected;
      const closed = new Promise<string>((resolve) => connection.once('close', resolve));
      for (let at = 0; at < stream.length && !client.destroyed; ) {
        const size = fuzz.pick([1, 3, 7, 16, 64, 1024, 4096]);
        client.write(stream.subarray(at, at + size));
        at += size;
        if (fuzz.int(8) === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      client.end();
      const reason = await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('HUNG'), 3000))]);
      expect(reason, `stream ${streams} (seed ${SEED + 1}) never closed`).not.toBe('HUNG');
      client.destroy();
      const seen = Buffer.concat(traced);
      // every octet that arrived is in the trace, in order; when the stream could be framed to its end, all of it
      expect(stream.subarray(0, seen.length).equals(seen), `stream ${streams}: the trace is not a prefix of what was sent`).toBe(true);
      const whole = reason.startsWith('unframeable') || seen.length === stream.length;
      expect(whole, `stream ${streams} closed "${reason}" with ${seen.length} of ${stream.length} octets traced`).toBe(true);
      const kind = reason.replace(/[:(].*$/, '').trim();
      endings.set(kind, (endings.get(kind) ?? 0) + 1);
      streams += 1;
      octets += stream.length;
    }
    await new Promise((resolve) => server.close(resolve));
    const heapAfter = heapMb();
    console.log(`fuzz: framing ${streams.toLocaleString('en')} streams, ${octets.toLocaleString('en')} octets; endings ${JSON.stringify(Object.fromEntries(endings))}; heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB`);
    expect(escaped).toEqual([]);
    expect(streams).toBeGreaterThan(50);
    expect(heapAfter - heapBefore).toBeLessThan(64);
  }, (SECONDS / 2 + 30) * 1000);
});
