// Every submit_sm field reaches the wire as asked, and each is checked against its limit before sending.
import { afterEach, describe, expect, it } from 'vitest';
import { absoluteSmppTime, relativeSmppTime, smppTimeProblem } from '../../shared/smpp-time';
import { consoleBoundToSimulator } from '../support/console-fixture';
import { fieldNode, fieldNumber, fieldOctets, fieldString } from '../support/detail-fields';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const bound = (receiptDelayMs = 20) => consoleBoundToSimulator(cleanups, receiptDelayMs);

describe('SMPP time format', () => {
  it('builds absolute (UTC) and relative times, and names what is wrong with a bad one', () => {
    expect(absoluteSmppTime(new Date(Date.UTC(2026, 10, 25, 17, 30, 5, 700)))).toBe('261125173005700+');
    expect(relativeSmppTime({ days: 1, hours: 2 })).toBe('000001020000000R');
    expect(smppTimeProblem('261325173005700+')).toBe('month 13 is not 01–12');
    expect(smppTimeProblem('000001020000004R')).toBe('a relative time has 00 where the offset goes');
    expect(smppTimeProblem('tomorrow')).toMatch(/is not YYMMDDhhmmsstnnp/);
    expect(smppTimeProblem('')).toBeNull();
  });
});

describe('submit_sm fields', () => {
  it('puts every field on the wire as asked', async () => {
    const { services, session, trace } = await bound();
    const validity = relativeSmppTime({ hours: 2 });
    await services.handlers.submit({
      sessionId: session.id, sourceAddr: 'ACME', destinationAddr: '447700900123', text: 'Flash!',
      options: {
        serviceType: 'CMT', sourceAddrTon: 5, sourceAddrNpi: 0, destAddrTon: 1, destAddrNpi: 1, messagingMode: 1, messageType: 0x08,
        replyPath: true, protocolId: 0x7f, priorityFlag: 2, scheduleDeliveryTime: '', validityPeriod: validity, registeredDelivery: 0x11,
        replaceIfPresent: true, messageClass: 0, smDefaultMsgId: 3, tlvs: [{ tag: 0x1400, hex: 'cafe' }],
      },
    });
    await waitFor(() => trace.find((t) => t.commandName === 'submit_sm'));
    const detail = await services.handlers.traceDetail({ id: trace.find((t) => t.commandName === 'submit_sm')!.id });
    const number = (name: string) => fieldNumber(detail, name);
    expect([
      fieldString(detail, 'service_type'), number('source_addr_ton'), number('dest_addr_ton'), number('dest_addr_npi'), number('esm_class'),
      number('protocol_id'), number('priority_flag'), fieldString(detail, 'validity_period'), number('registered_delivery'),
      number('replace_if_present_flag'), number('data_coding'), number('sm_default_msg_id'), fieldOctets(detail, 'unknown TLV 0x1400').toString('hex'),
    ]).toEqual(['CMT', 5, 1, 1, 0x89, 0x7f, 2, validity, 0x11, 1, 0x10, 3, 'cafe']);
    // …and each explained in SMPP's words.
    expect(fieldNode(detail, 'esm_class').value).toBe('0x89 datagram, SME delivery acknowledgement, reply path');
    expect(fieldNode(detail, 'registered_delivery').value).toBe('0x11 receipt on success or failure, intermediate notification');
    expect(fieldNode(detail, 'data_coding').value).toBe('0x10 general group: GSM 7-bit default, class 0 (flash)');
    expect(fieldNode(detail, 'source_addr_ton').value).toBe('5 Alphanumeric');
  });

  it.each([
    [{ serviceType: 'TOOLONG' }, 'options.serviceType', 'service_type: 5 characters at most'],
    [{ validityPeriod: '261325173005700+' }, 'options.validityPeriod', 'validity_period: month 13 is not 01–12'],
    [{ priorityFlag: 9 }, 'options.priorityFlag', 'priority_flag: 4 at most'],
    [{ messageType: 0x40 }, 'options.messageType', 'esm_class message type: bits 5–2 only'],
    [{ tlvs: [{ tag: 0x1400, hex: 'xyz' }] }, 'options.tlvs.0.hex', 'TLV value: hex octets'],
    [{ messageClass: 0 }, 'options.messageClass', 'Message class: Latin-1 has no data_coding with a message class'],
  ])('refuses %j naming the field and the limit', async (options, field, message) => {
    const { services, session } = await bound();
    const encoding = 'messageClass' in options ? 'latin1' : 'auto';
    const result = await services.call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '2', text: 'x', encoding, options });
    expect(result).toMatchObject({ ok: false, error: { field } });
    expect(result.ok ? '' : result.error.message).toContain(message);
  });
});

describe('several recipients', () => {
  it('sends one submit_sm to each, each its own message with its own receipt', async () => {
    const { services, session } = await bound();
    await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900001, 447700900002;447700900003', text: 'to all' });
    const messages = await waitFor(async () => {
      const list = await services.handlers.listMessages({ limit: 500 });
      return list.length === 3 && list.every((m) => m.state === 'DELIVRD') ? list : null;
    });
    expect(messages.map((m) => m.destinationAddr).sort()).toEqual(['447700900001', '447700900002', '447700900003']);
    expect(new Set(messages.map((m) => m.smscMessageId)).size).toBe(3);
  });

  it('names the recipient that is too long', async () => {
    const { services, session } = await bound();
    const result = await services.call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '447700900001, 123456789012345678901', text: 'x' });
    expect(result).toMatchObject({ ok: false, error: { field: 'destinationAddr' } });
    expect(result.ok ? '' : result.error.message).toBe(
      'Destination address: at most 20 characters (destination_addr is a C-Octet String of 21 octets with its NUL) (recipient 2, "123456789012345678901")',
    );
  });
});

describe('submit_multi', () => {
  it('where the profile allows it: one submit_multi, one message per recipient, each receipt matched to its recipient', async () => {
    const { services, trace } = await bound();
    const [profile] = await services.handlers.listProfiles();
    const { id: _id, builtinSimulator: _b, passwordSet: _p, passwordRemembered: _r, passwordMissing: _m, ...settings } = profile!;
    await services.handlers.updateProfile({ id: profile!.id, draft: { ...settings, submitMulti: true } });
    const session = await services.handlers.connect({ profileId: profile!.id, secondBind: true });
    await services.handlers.submit({ sessionId: session.id, sourceAddr: '100', destinationAddr: '447700900001 447700900002 447700900003', text: 'multi' });
    const messages = await waitFor(async () => {
      const list = await services.handlers.listMessages({ limit: 500 });
      return list.length === 3 && list.every((m) => m.state === 'DELIVRD') ? list : null;
    });
    expect(new Set(messages.map((m) => m.smscMessageId)).size).toBe(1);
    const inbox = await services.handlers.listInbox({ limit: 500 });
    expect(inbox.map((i) => [i.sourceAddr, messages.find((m) => m.id === i.matchedMessage?.id)?.destinationAddr]).sort()).toEqual([
      ['447700900001', '447700900001'], ['447700900002', '447700900002'], ['447700900003', '447700900003'],
    ]);
    await waitFor(() => trace.find((t) => t.commandName === 'submit_multi_resp'));
    expect(trace.filter((t) => t.commandName === 'submit_multi')).toHaveLength(1);
    expect(trace.filter((t) => t.commandName === 'submit_sm')).toHaveLength(0);
  });
});
