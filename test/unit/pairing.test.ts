// Pairing at capture time: each response finds its request by sequence number, direction and command — in any
// order — and what cannot be answered any more says why.
import { describe, expect, it } from 'vitest';
import type { TraceDirection } from '../../shared/contract';
import { ConnectionPairing } from '../../electron/core/trace/pairing';
import type { TraceRecord } from '../../electron/core/trace/store/trace-db';
import { commandIdOf } from '../../electron/core/smpp/smpp-tables';

let nextId = 1;
function record(direction: TraceDirection, command: string, sequenceNumber: number, commandStatus = 0): TraceRecord {
  return {
    id: nextId++, sessionId: 's', time: 0, direction, commandId: command === 'event' ? 0 : commandIdOf(command), commandName: command,
    commandStatus, statusName: '', sequenceNumber, length: command === 'event' ? 0 : 16, summary: '', problem: null, smscMessageId: null,
    sourceAddr: null, destinationAddr: null, requestId: null, responseId: null, outcome: null, responseStatus: null,
    responseStatusName: null, rttMs: null, bytes: new Uint8Array(0),
  };
}

describe('ConnectionPairing', () => {
  it('pairs responses that come back out of order, with their round trips, on both rows', () => {
    const pairing = new ConnectionPairing();
    const first = record('out', 'submit_sm', 1);
    const second = record('out', 'submit_sm', 2);
    pairing.onRecord(first, 100);
    pairing.onRecord(second, 101);
    expect(first.outcome).toBe('outstanding');
    expect(pairing.outstanding).toBe(2);
    const answerTwo = record('in', 'submit_sm_resp', 2);
    const result = pairing.onRecord(answerTwo, 105.5);
    expect(answerTwo).toMatchObject({ requestId: second.id, rttMs: 4.5 });
    expect(result.update).toEqual({ requestId: second.id, responseId: answerTwo.id, outcome: 'answered', responseStatus: 0, responseStatusName: 'ESME_ROK', rttMs: 4.5 });
    expect(result.answered).toEqual({ requestCommand: 'submit_sm', rttMs: 4.5 });
    const answerOne = record('in', 'submit_sm_resp', 1, 0x58);
    pairing.onRecord(answerOne, 110);
    expect(first).toMatchObject({ outcome: 'answered', responseId: answerOne.id, responseStatus: 0x58, responseStatusName: 'ESME_RTHROTTLED', rttMs: 10 });
    expect(pairing.outstanding).toBe(0);
  });

  it('a generic_nack nacks, a response of another command is a wrong response', () => {
    const pairing = new ConnectionPairing();
    const query = record('out', 'query_sm', 7);
    const cancel = record('out', 'cancel_sm', 8);
    pairing.onRecord(query, 0);
    pairing.onRecord(cancel, 0);
    pairing.onRecord(record('in', 'generic_nack', 7, 0x03), 1);
    pairing.onRecord(record('in', 'submit_sm_resp', 8), 1);
    expect(query).toMatchObject({ outcome: 'nack', responseStatusName: 'ESME_RINVCMDID' });
    expect(cancel.outcome).toBe('wrong-response');
  });

  it('the SMSC’s requests pair with our responses (how long the console took to answer)', () => {
    const pairing = new ConnectionPairing();
    const deliver = record('in', 'deliver_sm', 40);
    pairing.onRecord(deliver, 0);
    // our own submit_sm with the same sequence number is another table: no confusion between the two sides
    const submit = record('out', 'submit_sm', 40);
    pairing.onRecord(submit, 0);
    const answered = record('out', 'deliver_sm_resp', 40);
    pairing.onRecord(answered, 2.25);
    expect(deliver).toMatchObject({ outcome: 'answered', responseId: answered.id, rttMs: 2.25 });
    expect(submit.outcome).toBe('outstanding');
  });

  it('a timeout settles the request with its note; a late response still names its request', () => {
    const pairing = new ConnectionPairing();
    const enquire = record('out', 'enquire_link', 3);
    pairing.onRecord(enquire, 0);
    const note = record('event', 'event', 3);
    const update = pairing.onTimeout(3, note);
    expect(update).toMatchObject({ requestId: enquire.id, responseId: note.id, outcome: 'timeout' });
    expect(note.requestId).toBe(enquire.id);
    const late = record('in', 'enquire_link_resp', 3);
    const result = pairing.onRecord(late, 2500);
    expect(late).toMatchObject({ requestId: enquire.id, rttMs: 2500 });
    expect(result.update).toBeNull();
    expect(enquire.outcome).toBe('timeout');
  });

  it('a response nobody asked for pairs with nothing; requests without responses are not waited for', () => {
    const pairing = new ConnectionPairing();
    const stray = record('in', 'submit_sm_resp', 99);
    expect(pairing.onRecord(stray, 0)).toEqual({ answered: null, update: null, superseded: null });
    expect(stray.requestId).toBeNull();
    const outbind = record('in', 'outbind', 1);
    pairing.onRecord(outbind, 0);
    expect(outbind.outcome).toBeNull();
    expect(pairing.outstanding).toBe(0);
  });

  it('closing the connection leaves every open request unanswered; a reused sequence number supersedes the old', () => {
    const pairing = new ConnectionPairing();
    const old = record('out', 'submit_sm', 5);
    pairing.onRecord(old, 0);
    const reused = record('out', 'submit_sm', 5);
    expect(pairing.onRecord(reused, 1).superseded).toMatchObject({ requestId: old.id, outcome: 'unanswered' });
    const other = record('in', 'deliver_sm', 6);
    pairing.onRecord(other, 1);
    expect(pairing.onClose().map((u) => [u.requestId, u.outcome])).toEqual([
      [reused.id, 'unanswered'],
      [other.id, 'unanswered'],
    ]);
    expect(pairing.outstanding).toBe(0);
  });
});
