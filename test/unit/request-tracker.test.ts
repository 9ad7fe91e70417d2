// The tracker's one timer for all outstanding requests: each request still times out at its own deadline (never
// before it), oldest first; an answered request never times out; the window is the window; a close fails
// everything and leaves no timer behind.
import { describe, expect, it } from 'vitest';
import type { Pdu } from '../../electron/core/smpp/pdu-codec';
import { RequestFailedError, RequestTracker } from '../../electron/core/smpp/request-tracker';
import { commandIdOf, commandName } from '../../electron/core/smpp/smpp-tables';

const SUBMIT_SM = commandIdOf('submit_sm');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function responsePdu(command: string, sequenceNumber: number): Pdu {
  const commandId = commandIdOf(command);
  return { commandId, command: commandName(commandId), commandStatus: 0, sequenceNumber, fields: {}, tlvs: [] };
}

/** When each request failed (ms after `start`), by sequence number, and the order onTimeout saw them in. */
function watch(tracker: RequestTracker, start: number, requests: Array<{ sequenceNumber: number; response: Promise<Pdu> }>) {
  const failedAt = new Map<number, number>();
  const outcomes = requests.map(({ sequenceNumber, response }) =>
    response.then(
      () => 'answered',
      (error: Error) => {
        failedAt.set(sequenceNumber, performance.now() - start);
        return error.message;
      },
    ),
  );
  return { failedAt, outcomes: Promise.all(outcomes) };
}

describe('RequestTracker', () => {
  it('times each request out at its own deadline, oldest first, and never an answered one', async () => {
    const timedOut: number[] = [];
    const tracker = new RequestTracker({ windowSize: 10, timeoutMs: 60, onTimeout: (sequenceNumber) => timedOut.push(sequenceNumber) });
    const start = performance.now();
    const first = tracker.tryReserve(SUBMIT_SM)!;
    const second = tracker.tryReserve(SUBMIT_SM)!;
    await sleep(30);
    const third = tracker.tryReserve(SUBMIT_SM)!;
    const thirdSentAt = performance.now() - start;
    const { failedAt, outcomes } = watch(tracker, start, [first, second, third]);
    expect(tracker.settle(responsePdu('submit_sm_resp', second.sequenceNumber))).toBe(true);
    expect(await outcomes).toEqual(['no submit_sm_resp within 60 ms', 'answered', 'no submit_sm_resp within 60 ms']);
    expect(timedOut).toEqual([first.sequenceNumber, third.sequenceNumber]);
    expect(failedAt.get(first.sequenceNumber)).toBeGreaterThanOrEqual(60);
    expect(failedAt.get(third.sequenceNumber)).toBeGreaterThanOrEqual(thirdSentAt + 60);
    // Not held back until some later sweep: near its own deadline (generous: this machine is shared).
    expect(failedAt.get(third.sequenceNumber)).toBeLessThan(thirdSentAt + 60 + 250);
    expect(tracker.outstanding).toBe(0);
  });

  it('keeps the window: a full one reserves nothing until a response frees a slot', async () => {
    const tracker = new RequestTracker({ windowSize: 2, timeoutMs: 1000 });
    const a = tracker.tryReserve(SUBMIT_SM)!;
    tracker.tryReserve(SUBMIT_SM);
    expect(tracker.tryReserve(SUBMIT_SM)).toBeNull();
    const waiting = tracker.reserve(SUBMIT_SM);
    tracker.settle(responsePdu('submit_sm_resp', a.sequenceNumber));
    expect(await a.response).toMatchObject({ sequenceNumber: a.sequenceNumber });
    const granted = await waiting;
    expect(granted.sequenceNumber).toBe(3);
    tracker.failAll('test over');
    await expect(granted.response).rejects.toThrow(RequestFailedError);
  });

  it('fails every pending request on close, and a timeout no longer fires afterwards', async () => {
    const timedOut: number[] = [];
    const tracker = new RequestTracker({ windowSize: 10, timeoutMs: 20, onTimeout: (sequenceNumber) => timedOut.push(sequenceNumber) });
    const request = tracker.tryReserve(SUBMIT_SM)!;
    tracker.failAll('peer closed the connection');
    await expect(request.response).rejects.toThrow('the connection closed before the response came (peer closed the connection)');
    await sleep(50);
    expect(timedOut).toEqual([]);
    expect(() => tracker.tryReserve(SUBMIT_SM)).toThrow('the connection is closed (peer closed the connection)');
  });
});
