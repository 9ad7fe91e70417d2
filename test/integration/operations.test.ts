// The requests beyond submit_sm, against the built-in simulator over real TCP: enquire_link now, query_sm,
// cancel_sm, replace_sm, and a raw PDU sent as typed.
import { afterEach, describe, expect, it } from 'vitest';
import { consoleBoundToSimulator } from '../support/console-fixture';
import { fieldNode } from '../support/detail-fields';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const bound = (receiptDelayMs = 300) => consoleBoundToSimulator(cleanups, receiptDelayMs);

describe('operations', () => {
  it('enquire_link now answers with its status and round trip', async () => {
    const { services, session } = await bound();
    const result = await services.handlers.enquireLink({ sessionId: session.id });
    expect(result).toMatchObject({ commandStatus: 0, statusName: 'ESME_ROK' });
    expect(result.roundTripMs).toBeGreaterThanOrEqual(0);
  });

  it('query_sm shows ENROUTE, then DELIVERED with its final date', async () => {
    const { services, session, send } = await bound(200);
    const sent = await send('query me');
    const ref = { sessionId: session.id, smscMessageId: sent.smscMessageId!, sourceAddr: '100' };
    expect(await services.handlers.querySm(ref)).toMatchObject({ statusName: 'ESME_ROK', messageState: { value: 1, name: 'ENROUTE' }, finalDate: '' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const delivered = await services.handlers.querySm(ref);
    expect(delivered.messageState).toEqual({ value: 2, name: 'DELIVERED' });
    expect(delivered.finalDate).toMatch(/^\d{12}\d00\+$/);
    expect(await services.handlers.querySm({ ...ref, smscMessageId: 'NOPE' })).toMatchObject({ statusName: 'ESME_RQUERYFAIL', messageState: null });
  });

  it('cancel_sm and replace_sm work while the message is held, and fail once it is delivered', async () => {
    const { services, session, send } = await bound(300);
    const held = await send('cancel me');
    const replaced = await send('replace me');
    const ref = (smscMessageId: string) => ({ sessionId: session.id, smscMessageId, sourceAddr: '100' });
    expect(await services.handlers.replaceSm({ ...ref(replaced.smscMessageId!), text: 'replaced text' })).toMatchObject({ statusName: 'ESME_ROK' });
    expect(await services.handlers.cancelSm({ ...ref(held.smscMessageId!), destinationAddr: '447700900123' })).toMatchObject({ statusName: 'ESME_ROK' });
    expect((await services.handlers.querySm(ref(held.smscMessageId!))).messageState?.name).toBe('DELETED');
    // the replaced message's receipt quotes the replacement; the cancelled one never gets a receipt
    const receipt = await waitFor(async () => (await services.handlers.listInbox({ limit: 500 })).find((i) => i.matchedMessage?.id === replaced.id));
    expect(receipt.text).toContain('text:replaced text');
    expect(await services.handlers.cancelSm({ ...ref(replaced.smscMessageId!), destinationAddr: '447700900123' })).toMatchObject({ statusName: 'ESME_RCANCELFAIL' });
    expect((await services.handlers.listInbox({ limit: 500 })).some((i) => i.matchedMessage?.id === held.id)).toBe(false);
  });

  it('replace_sm refuses text GSM 03.38 cannot carry, naming it', async () => {
    const { services, session } = await bound();
    const result = await services.call('replaceSm', { sessionId: session.id, smscMessageId: 'X', sourceAddr: '1', text: 'Привет' });
    expect(result).toMatchObject({ ok: false, error: { field: 'text' } });
    expect(result.ok ? '' : result.error.message).toContain('"П" at position 1 is not in the GSM 03.38 alphabet');
  });

  it('a raw PDU goes out as typed, with its sequence number filled in unless kept, and its response comes back', async () => {
    const { services, session, trace } = await bound();
    const filled = await services.handlers.sendRawPdu({ sessionId: session.id, hex: '00000010 00000015 00000000 00000000', keepSequenceNumber: false });
    expect(filled.sequenceNumber).toBeGreaterThan(1);
    expect(filled.response).toMatchObject({ commandName: 'enquire_link_resp', statusName: 'ESME_ROK' });
    const kept = await services.handlers.sendRawPdu({ sessionId: session.id, hex: '0000001000000015000000000000beef', keepSequenceNumber: true });
    expect(kept).toMatchObject({ sequenceNumber: 0xbeef, response: { commandName: 'enquire_link_resp' } });
    // an unknown command is answered with generic_nack (v3.4 §3.3): that is its response, not "no response"
    const unknown = await services.handlers.sendRawPdu({ sessionId: session.id, hex: '00000010000007770000000000000000', keepSequenceNumber: false });
    expect(unknown.response).toMatchObject({ commandName: 'generic_nack', statusName: 'ESME_RINVCMDID' });
    await waitFor(() => trace.find((t) => t.commandName === 'generic_nack' && t.statusName === 'ESME_RINVCMDID'));
    // a known request the SMSC refuses with generic_nack comes back as that answer
    const nacked = await services.handlers.sendRawPdu({ sessionId: session.id, hex: '00000010000001110000000000000000', keepSequenceNumber: false });
    expect(nacked.response).toMatchObject({ commandName: 'generic_nack', statusName: 'ESME_RINVCMDID' });
    expect(await services.call('sendRawPdu', { sessionId: session.id, hex: '0000', keepSequenceNumber: false })).toMatchObject({
      ok: false, error: { field: 'hex', message: 'hex: 2 octets; a PDU has at least the 16-octet header' },
    });
  });
});

describe('data_sm, recent drafts and templates', () => {
  it('data_sm carries the text in message_payload and gets a message_id and a receipt', async () => {
    const { services, session, trace } = await bound(20);
    const result = await services.handlers.dataSm({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900123', text: 'data sm ok' });
    expect(result).toMatchObject({ statusName: 'ESME_ROK', smscMessageId: expect.stringMatching(/^[0-9A-F]{16}$/) });
    const row = await waitFor(() => trace.find((t) => t.commandName === 'data_sm'));
    const detail = await services.handlers.traceDetail({ id: row.id });
    expect(fieldNode(detail, 'message_payload').value).toContain('"data sm ok"');
    await waitFor(async () => (await services.handlers.listInbox({ limit: 500 })).find((i) => i.receipt?.smscMessageId === result.smscMessageId));
  });

  it('keeps the newest sent drafts, once each, and templates per profile by name', async () => {
    const { services, session, send } = await bound();
    await send('first');
    await send('second');
    await send('first');
    expect((await services.handlers.listRecentDrafts()).map((d) => d.draft.text)).toEqual(['first', 'second']);
    const [profile] = await services.handlers.listProfiles();
    const draft = { sourceAddr: '100', destinationAddr: '447700900123', text: 'Your code is 1234', encoding: 'gsm7' as const };
    await services.handlers.saveTemplate({ profileId: profile!.id, name: 'OTP', draft });
    const saved = await services.handlers.saveTemplate({ profileId: profile!.id, name: 'OTP', draft: { ...draft, text: 'Your code is 5678' } });
    expect((await services.handlers.listTemplates({ profileId: profile!.id })).map((t) => [t.name, t.draft.text])).toEqual([['OTP', 'Your code is 5678']]);
    await services.handlers.deleteTemplate({ id: saved.id });
    expect(await services.handlers.listTemplates({ profileId: profile!.id })).toEqual([]);
    expect(session.state).toBe('bound');
  });
});
