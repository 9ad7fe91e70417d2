// Reconnect, rebind and flow control of a managed session, against the simulator and a raw SMSC over real TCP.
import { afterEach, describe, expect, it } from 'vitest';
import { encodeGsm7 } from '../../shared/text-codec';
import type { SmscSimulator } from '../../electron/core/simulator/smsc-simulator';
import { managedSession } from '../support/managed-fixture';
import { startRawSmsc, type RawSmsc } from '../support/raw-smsc';
import { startSimulator, waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const SUBMIT = { source_addr: '1', destination_addr: '2', short_message: Buffer.from(encodeGsm7('x')) };

function track<T extends { dispose: () => Promise<void> }>(fixture: T): T {
  cleanups.push(fixture.dispose);
  return fixture;
}

describe('reconnect', () => {
  it('the SMSC goes away and comes back: a fresh socket, a rebind, and pending requests failed, not lost', async () => {
    let simulator: SmscSimulator = await startSimulator();
    const port = simulator.address.port;
    cleanups.push(() => simulator.stop());
    const { session, notes } = track(await managedSession(port, { reconnect: { enabled: true, minBackoffMs: 100, maxBackoffMs: 400 } }));
    await session.open();
    expect(session.state).toBe('bound');

    await simulator.stop();
    await waitFor(() => session.state === 'closed' && session.nextAttemptAt !== null);
    expect(notes().some((n) => /^reconnect: .* — reconnecting in \d+ ms \(attempt 1\)$/.test(n))).toBe(true);
    await expect(session.submit(SUBMIT)).rejects.toThrow(/not bound|closed/);

    simulator = await startSimulator({ port });
    await waitFor(() => session.state === 'bound', 8000);
    expect(session.counters.reconnects).toBeGreaterThanOrEqual(1);
    expect((await session.submit(SUBMIT)).commandStatus).toBe(0);
    expect(session.view().nextAttemptAt).toBeNull();
  });

  it('ESME_RALYBND is retried with backoff; a wrong password is not', async () => {
    let binds = 0;
    const smsc: RawSmsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, {}, binds++ === 0 ? 0x05 : 0), { autoBind: false });
    cleanups.push(() => smsc.stop());
    const first = track(await managedSession(smsc.port, { reconnect: { enabled: true, minBackoffMs: 100, maxBackoffMs: 200 } }));
    await expect(first.session.open()).rejects.toThrow('bind refused: ESME_RALYBND');
    await waitFor(() => first.session.state === 'bound', 5000);

    const refusing: RawSmsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, {}, 0x0e), { autoBind: false });
    cleanups.push(() => refusing.stop());
    const second = track(await managedSession(refusing.port, { reconnect: { enabled: true, minBackoffMs: 100, maxBackoffMs: 200 } }));
    await expect(second.session.open()).rejects.toThrow('bind refused: ESME_RINVPASWD');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(second.session.state).toBe('closed');
    expect(second.session.nextAttemptAt).toBeNull();
    expect(second.notes()).toContain('reconnect: bind refused: ESME_RINVPASWD — not reconnecting: retrying would repeat the refusal');
  });

  it('a user disconnect is final', async () => {
    const simulator = await startSimulator();
    cleanups.push(() => simulator.stop());
    const { session } = track(await managedSession(simulator.address.port, { reconnect: { enabled: true, minBackoffMs: 100, maxBackoffMs: 100 } }));
    await session.open();
    await session.close();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(session.state).toBe('closed');
    expect(session.view().closeReason).toBe('unbound');
  });
});

describe('flow control', () => {
  it('ESME_RTHROTTLED and ESME_RMSGQFUL back off and retry, visible in the trace and counters', async () => {
    const statuses = [0x58, 0x14, 0];
    const smsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, { message_id: 'M1' }, statuses.shift() ?? 0));
    cleanups.push(() => smsc.stop());
    const { session, notes } = track(
      await managedSession(smsc.port, { throttleRetries: 3, reconnect: { enabled: false, minBackoffMs: 100, maxBackoffMs: 200 } }),
    );
    await session.open();
    const response = await session.submit(SUBMIT);
    expect(response).toMatchObject({ commandStatus: 0, fields: { message_id: 'M1' } });
    expect(session.counters).toMatchObject({ throttled: 2, submitsOk: 1, submitsFailed: 0 });
    expect(notes().filter((n) => n.startsWith('throttled: '))).toEqual([
      expect.stringMatching(/^throttled: ESME_RTHROTTLED: retry 1\/3 in \d+ ms$/),
      expect.stringMatching(/^throttled: ESME_RMSGQFUL: retry 2\/3 in \d+ ms$/),
    ]);
  });

  it('gives up after the profile’s retries with the throttling status', async () => {
    const smsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, {}, 0x58));
    cleanups.push(() => smsc.stop());
    const { session } = track(await managedSession(smsc.port, { throttleRetries: 1, reconnect: { enabled: false, minBackoffMs: 100, maxBackoffMs: 100 } }));
    await session.open();
    expect((await session.submit(SUBMIT)).commandStatus).toBe(0x58);
    expect(session.counters).toMatchObject({ throttled: 1, submitsFailed: 1 });
  });

  it('the window holds outstanding requests to the profile’s size', async () => {
    const held: Array<() => void> = [];
    let holding = true;
    const smsc = await startRawSmsc((pdu, ctx) => {
      const reply = () => ctx.reply(pdu, { message_id: 'W' });
      if (holding) held.push(reply);
      else reply();
    });
    cleanups.push(() => smsc.stop());
    const { session } = track(await managedSession(smsc.port, { windowSize: 2 }));
    await session.open();
    const submits = Array.from({ length: 5 }, () => session.submit(SUBMIT));
    await waitFor(() => held.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held.length).toBe(2);
    expect(session.view().counters.outstanding).toBe(2);
    holding = false;
    for (const reply of held.splice(0)) reply();
    expect((await Promise.all(submits)).map((r) => r.fields.message_id)).toEqual(['W', 'W', 'W', 'W', 'W']);
  });

  it('a request that times out fails, and the trace shows the timeout against its sequence number', async () => {
    const smsc = await startRawSmsc(() => undefined);
    cleanups.push(() => smsc.stop());
    const { session, trace } = track(await managedSession(smsc.port, { responseTimeoutMs: 150 }));
    await session.open();
    await expect(session.submit(SUBMIT)).rejects.toThrow('no submit_sm_resp within 150 ms');
    const row = trace().find((t) => t.direction === 'event' && t.commandName === 'timeout');
    expect(row).toMatchObject({ sequenceNumber: 2, summary: 'submit_sm seq 2: no response within 150 ms' });
    expect(session.counters.submitsFailed).toBe(1);
  });

  it('the max submit rate spaces submits', async () => {
    const smsc = await startRawSmsc((pdu, ctx) => ctx.reply(pdu, { message_id: 'R' }));
    cleanups.push(() => smsc.stop());
    const { session } = track(await managedSession(smsc.port, { maxSubmitRate: 20 }));
    await session.open();
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => session.submit(SUBMIT)));
    // 5 submits at 20/s: the last may go no earlier than 4 × 50 ms after the first
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });
});
