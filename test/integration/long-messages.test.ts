// Long messages through the services to the built-in simulator over real TCP: every split method reaches the SMSC
// as correctly numbered parts under one reference, each part gets its receipt, and the console shows one message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView, SplitMethod, TraceSummary } from '../../shared/contract';
import { parseUdh, planMessage } from '../../shared/message-parts';
import { createServices, type Services } from '../../electron/core/services';
import { MemorySecretStore } from '../../electron/core/store/secret-store';
import { waitFor } from '../support/simulator-fixture';

const open: Array<{ services: Services; dir: string }> = [];
afterEach(async () => {
  for (const { services, dir } of open.splice(0)) {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function boundConsole() {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-long-'));
  const services = await createServices({ dataDir: dir, secrets: new MemorySecretStore(), simulator: { host: '127.0.0.1', port: 0, receiptDelayMs: 20 } });
  open.push({ services, dir });
  const trace: TraceSummary[] = [];
  services.events.on('trace', (batch) => trace.push(...batch));
  const [profile] = await services.handlers.listProfiles();
  const session = await services.handlers.connect({ profileId: profile!.id });
  return { services, session, trace };
}

const GSM_400 = 'The quick brown fox jumps over the lazy dog [€]. '.repeat(9).slice(0, 400);
const EMOJI_100 = '😀'.repeat(100);

describe('long messages', () => {
  it.each([
    ['udh8', GSM_400, 0], ['udh16', GSM_400, 0], ['sar', GSM_400, 0], ['udh8', EMOJI_100, 8], ['payload', GSM_400, 0],
  ] as Array<[SplitMethod, string, number]>)('%s: parts numbered under one reference, one message with all receipts', async (split, text, dataCoding) => {
    const { services, session, trace } = await boundConsole();
    const expected = split === 'payload' ? 1 : planMessage(text, { split }).parts;
    const sent = await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text, split });
    expect(sent.parts).toMatchObject({ total: expected, accepted: expected });
    const done = await waitFor(async () => (await services.handlers.listMessages()).find((m: MessageView) => m.id === sent.id && m.state === 'DELIVRD'));
    expect(done.parts).toEqual({ total: expected, accepted: expected, delivered: expected, failed: 0 });
    expect(done.text).toBe(text);
    const inbox = await services.handlers.listInbox();
    expect(inbox.filter((i) => i.matchedMessage?.id === sent.id)).toHaveLength(expected);

    const submitRows = () => trace.filter((t) => t.direction === 'out' && t.commandName === 'submit_sm');
    await waitFor(() => submitRows().length === expected);
    const submits = submitRows();
    const details = await Promise.all(submits.map((t) => services.handlers.traceDetail({ id: t.id })));
    for (const [index, detail] of details.entries()) {
      const field = (name: string) => detail.fields.find((f) => f.name === name)?.value ?? '';
      expect(field('data_coding')).toContain(`(${dataCoding})`);
      if (split === 'udh8' || split === 'udh16') {
        expect(field('esm_class')).toBe('0x40 (64)');
        const bytes = Buffer.from(detail.hex, 'hex');
        const sm = detail.fields.find((f) => f.name === 'short_message')!;
        const udh = parseUdh(bytes.subarray(sm.offset + 1, sm.offset + sm.length))!;
        expect(udh.concat).toMatchObject({ total: expected, sequence: index + 1 });
        expect(submits[index]!.summary).toContain(`part ${index + 1}/${expected} ref 0x`);
      }
      if (split === 'sar') {
        expect(field('sar_segment_seqnum')).toBe(`0x0${index + 1} (${index + 1})`);
        expect(field('sar_total_segments')).toBe(`0x0${expected} (${expected})`);
      }
      if (split === 'payload') expect(detail.fields.map((f) => f.name)).toContain('message_payload');
    }
    const references = new Set(submits.map((t) => /ref 0x[0-9a-f]+/.exec(t.summary)?.[0] ?? 'none'));
    expect(references.size).toBe(1);
  });
});
