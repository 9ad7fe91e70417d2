// Pairing through the whole console, against an SMSC that answers out of order, nacks, stays silent and sends a
// response nobody asked for: the trace rows (and the updates the UI is sent) say which answers which, with round
// trips, and the session's statistics count it all.
import { afterEach, describe, expect, it } from 'vitest';
import type { TracePairUpdate, TraceSummary } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { encodePdu, type Pdu } from '../../electron/core/smpp/pdu-codec';
import { consoleAgainstSmsc } from '../support/console-fixture';
import { startRawSmsc, type RawSmscContext } from '../support/raw-smsc';
import { waitFor } from '../support/simulator-fixture';
import { storedTrace } from '../support/trace-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('pairing requests with their responses', () => {
  it('out of order, generic_nack, a timeout and a stray response, live and as stored', async () => {
    const held: Array<[Pdu, RawSmscContext]> = [];
    const smsc = await startRawSmsc((pdu, ctx) => {
      if (pdu.command !== 'submit_sm') return;
      held.push([pdu, ctx]);
      const text = pdu.fields.short_message?.toString();
      if (held.length === 2) {
        // answer the second first, then the first
        ctx.reply(held[1]![0], { message_id: 'B2' });
        ctx.reply(held[0]![0], { message_id: 'A1' });
      }
      if (text?.includes('nack')) ctx.send({ command: 'generic_nack', sequenceNumber: pdu.sequenceNumber, commandStatus: 0x03 });
      // "silent": never answered
    });
    cleanups.push(() => smsc.stop());
    const { services } = await consoleAgainstSmsc(smsc, cleanups);
    const rows: TraceSummary[] = [];
    const updates: TracePairUpdate[] = [];
    services.events.on('trace', (batch) => (rows.push(...batch.rows), updates.push(...batch.updates)));
    const profile = await services.handlers.createProfile({
      ...DEFAULT_PROFILE_SETTINGS, name: 'pairs', port: smsc.port, systemId: 'acct', enquireLinkIntervalMs: 0, responseTimeoutMs: 300,
    });
    const session = await services.handlers.connect({ profileId: profile.id });
    const send = (text: string) => services.handlers.submit({ sessionId: session.id, sourceAddr: '1', destinationAddr: '2', text });
    const [a, b] = await Promise.all([send('first'), send('second')]);
    expect([a.smscMessageId, b.smscMessageId]).toEqual(['A1', 'B2']);
    await expect(send('please nack')).rejects.toThrow(/generic_nack/);
    await expect(send('silent')).rejects.toThrow(/no submit_sm_resp within 300 ms/);
    // a submit_sm_resp nobody asked for
    smsc.sockets[0]!.write(encodePdu({ command: 'submit_sm_resp', sequenceNumber: 31337, fields: { message_id: 'X1' } }));

    const submits = await waitFor(() => {
      const found = rows.filter((r) => r.commandName === 'submit_sm');
      return found.length === 4 ? found : null;
    });
    const responses = await waitFor(() => {
      const found = rows.filter((r) => r.commandName === 'submit_sm_resp' || r.commandName === 'generic_nack');
      return found.length === 4 ? found : null;
    });
    const timeoutNote = await waitFor(() => rows.find((r) => r.direction === 'event' && r.commandName === 'timeout'));
    // responses name their requests (B2 came first), with a round trip
    expect(responses.map((r) => r.requestId)).toEqual([submits[1]!.id, submits[0]!.id, submits[2]!.id, null]);
    for (const response of responses.slice(0, 3)) expect(response.rttMs).toBeGreaterThan(0);
    expect(timeoutNote.requestId).toBe(submits[3]!.id);
    // requests learn their outcome through updates (the UI applies them to rows it already has)
    const outcomeOf = (id: number) => updates.filter((u) => u.requestId === id).at(-1);
    expect(outcomeOf(submits[0]!.id)).toMatchObject({ outcome: 'answered', responseStatusName: 'ESME_ROK', responseId: responses[1]!.id });
    expect(outcomeOf(submits[2]!.id)).toMatchObject({ outcome: 'nack', responseStatusName: 'ESME_RINVCMDID' });
    expect(outcomeOf(submits[3]!.id)).toMatchObject({ outcome: 'timeout', responseId: timeoutNote.id });

    // the store has the pairing on both sides
    const stored = new Map((await storedTrace(services)).map((r) => [r.id, r]));
    expect(stored.get(submits[1]!.id)).toMatchObject({ outcome: 'answered', responseId: responses[0]!.id });
    expect(stored.get(submits[3]!.id)).toMatchObject({ outcome: 'timeout' });
    expect(stored.get(responses[3]!.id)?.requestId).toBeNull();

    // and the session's statistics count commands by status, with round trips per request command
    const stats = await waitFor(async () => {
      const s = await services.handlers.traceStats({ sessionId: session.id });
      // answered twice and nacked once: three round trips (the silent one has none)
      return s.commands.find((c) => c.command === 'submit_sm')?.rtt?.count === 3 ? s : null;
    });
    expect(stats.timeouts).toBe(1);
    expect(stats.commands.find((c) => c.command === 'submit_sm_resp')?.statuses).toEqual([{ status: 0, statusName: 'ESME_ROK', count: 3 }]);
    expect(stats.commands.find((c) => c.command === 'generic_nack')?.statuses).toEqual([{ status: 3, statusName: 'ESME_RINVCMDID', count: 1 }]);

    // when the connection goes, what is still open is unanswered
    await services.handlers.disconnect({ sessionId: session.id });
  });
});
