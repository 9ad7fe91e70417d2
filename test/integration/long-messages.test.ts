// Long messages through the services to the built-in simulator over real TCP: every split method reaches the SMSC
// as correctly numbered parts under one reference, each part gets its receipt, and the console shows one message.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView, SplitMethod } from '../../shared/contract';
import { parseUdh, planMessage } from '../../shared/message-parts';
import { consoleBoundToSimulator } from '../support/console-fixture';
import { fieldNode, fieldNumber } from '../support/detail-fields';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const boundConsole = (receiptDelayMs = 20) => consoleBoundToSimulator(cleanups, receiptDelayMs);

const GSM_400 = 'The quick brown fox jumps over the lazy dog [€]. '.repeat(9).slice(0, 400);
const EMOJI_100 = '😀'.repeat(100);

/** Sends the text and waits until every part has its receipt; returns the submits' trace rows and details. */
async function sendLong(text: string, split: SplitMethod) {
  const { services, session, trace } = await boundConsole();
  const expected = split === 'payload' ? 1 : planMessage(text, { split }).parts;
  const sent = await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text, split });
  const done = await waitFor(async () => (await services.handlers.listMessages({ limit: 500 })).find((m: MessageView) => m.id === sent.id && m.state === 'DELIVRD'));
  const submitRows = () => trace.filter((t) => t.direction === 'out' && t.commandName === 'submit_sm');
  await waitFor(() => submitRows().length === expected);
  const submits = submitRows();
  const details = await Promise.all(submits.map((t) => services.handlers.traceDetail({ id: t.id })));
  const field = (index: number, name: string) => fieldNumber(details[index]!, name);
  const receipts = (await services.handlers.listInbox({ limit: 500 })).filter((i) => i.matchedMessage?.id === sent.id);
  return { expected, sent, done, submits, details, field, receipts };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('long messages', () => {
  it.each([
    ['udh8', GSM_400, 0], ['udh16', GSM_400, 0], ['sar', GSM_400, 0], ['udh8', EMOJI_100, 8], ['payload', GSM_400, 0],
  ] as Array<[SplitMethod, string, number]>)('%s: one message, all parts accepted and receipted, data_coding right', async (split, text, dataCoding) => {
    const { expected, sent, done, submits, field, receipts } = await sendLong(text, split);
    expect(sent.parts).toMatchObject({ total: expected, accepted: expected });
    expect(done.parts).toEqual({ total: expected, accepted: expected, delivered: expected, failed: 0 });
    expect(done.text).toBe(text);
    expect(receipts).toHaveLength(expected);
    expect(submits).toHaveLength(expected);
    expect(range(expected).map((i) => field(i, 'data_coding'))).toEqual(range(expected).map(() => dataCoding));
  });

  it.each(['udh8', 'udh16'] as SplitMethod[])('%s: UDHI set, parts numbered 1..n under one reference', async (split) => {
    const { expected, submits, details, field } = await sendLong(GSM_400, split);
    expect(expected).toBe(3);
    const udhs = details.map((detail) => {
      const sm = fieldNode(detail, 'short_message');
      return parseUdh(Buffer.from(detail.hex, 'hex').subarray(sm.offset, sm.offset + sm.length))!.concat;
    });
    expect(udhs.map((u) => [u?.total, u?.sequence])).toEqual([[3, 1], [3, 2], [3, 3]]);
    expect(new Set(udhs.map((u) => u?.reference)).size).toBe(1);
    expect(range(3).map((i) => field(i, 'esm_class'))).toEqual([0x40, 0x40, 0x40]);
    expect(submits.map((t) => /part \d\/\d/.exec(t.summary)?.[0])).toEqual(['part 1/3', 'part 2/3', 'part 3/3']);
  });

  it('sar: the SAR TLVs number the parts; no UDH', async () => {
    const { field } = await sendLong(GSM_400, 'sar');
    expect(range(3).map((i) => [field(i, 'sar_segment_seqnum'), field(i, 'sar_total_segments'), field(i, 'esm_class')])).toEqual(
      range(3).map((i) => [i + 1, 3, 0]),
    );
    expect(new Set(range(3).map((i) => field(i, 'sar_msg_ref_num'))).size).toBe(1);
  });

  it('payload: the whole text in message_payload, short_message empty', async () => {
    const { details } = await sendLong(GSM_400, 'payload');
    expect(fieldNode(details[0]!, 'message_payload').value).toContain(JSON.stringify(GSM_400));
    expect(fieldNode(details[0]!, 'short_message').value).toBe('(empty)');
  });
});

describe('8-bit binary', () => {
  it('goes out as data_coding 4 with the octets as typed in hex', async () => {
    const { services, session, trace } = await boundConsole();
    await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text: 'de ad be ef', encoding: 'binary' });
    await waitFor(() => trace.find((t) => t.commandName === 'submit_sm'));
    const detail = await services.handlers.traceDetail({ id: trace.find((t) => t.commandName === 'submit_sm')!.id });
    expect(fieldNode(detail, 'data_coding').value).toBe('0x04 8-bit binary');
    expect(fieldNode(detail, 'data').value).toMatch(/^"Þ­¾ï" \(8-bit data/);
    expect(detail.hex).toContain('04deadbeef');
  });
});

describe('the profile’s default split method', () => {
  it('applies when the message does not choose one', async () => {
    const { services, trace } = await boundConsole();
    const [profile] = await services.handlers.listProfiles();
    const { id: _i, builtinSimulator: _b, passwordSet: _p, passwordRemembered: _r, passwordMissing: _m, ...settings } = profile!;
    await services.handlers.updateProfile({ id: profile!.id, draft: { ...settings, defaultSplit: 'sar' } });
    const session = await services.handlers.connect({ profileId: profile!.id, secondBind: true });
    await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text: GSM_400 });
    const rows = await waitFor(() => {
      const submits = trace.filter((t) => t.commandName === 'submit_sm' && t.sessionId === session.id);
      return submits.length === 3 ? submits : null;
    });
    expect(rows.map((t) => /part \d\/\d ref 0x[0-9a-f]+ \(SAR\)/.test(t.summary))).toEqual([true, true, true]);
  });
});
