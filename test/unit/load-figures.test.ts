// A load run's figures without sockets: per-second points and percentiles (LoadStats), receipts counted from
// message events however they interleave with the submit's answer (LoadReceipts), and the runner's bound on what is
// in flight (never more than the window, whatever the rate asks).
import { describe, expect, it } from 'vitest';
import type { LoadMessageSettings, MessageState, MessageView, SubmitDraft } from '../../shared/contract';
import { LoadReceipts, MAX_AWAITING_RECEIPTS } from '../../electron/core/load/load-receipts';
import { failureName, LoadRunner, receiptsAsked, RUN_WINDOWS_PER_SESSION_WINDOW } from '../../electron/core/load/load-runner';
import { LoadStats } from '../../electron/core/load/load-stats';

const message = (id: string, state: MessageState, sessionId = 's1'): MessageView => ({
  id, sessionId, profileId: 'p', sourceAddr: '1', destinationAddr: '2', text: 't', dataCoding: 0, state, smscMessageId: 'A',
  ...(state === 'rejected' ? { commandStatus: 0x58, statusName: 'ESME_RTHROTTLED' } : { commandStatus: 0, statusName: 'ESME_ROK' }),
  submittedAt: 0, receiptAt: null, parts: { total: 1, accepted: 1, delivered: 0, failed: 0 },
});

describe('load stats', () => {
  it('closes one point per second, with empty seconds as zeros, and percentiles of that second', () => {
    let now = 0;
    const stats = new LoadStats(0, () => now);
    for (let i = 0; i < 10; i += 1) stats.submitted();
    for (let i = 1; i <= 10; i += 1) stats.roundTrip(i);
    stats.answered(null);
    stats.answered('ESME_RTHROTTLED');
    now = 3_200; // seconds 1 and 2 passed with nothing
    stats.receipt('DELIVRD');
    stats.tick();
    const points = stats.pointsView();
    expect(points.map((p) => p.second)).toEqual([0, 1, 2]);
    expect(points[0]).toMatchObject({ submits: 10, responses: 2, errors: 1, errorsByStatus: { ESME_RTHROTTLED: 1 }, receipts: 0 });
    expect(points[0]!.p50).toBeCloseTo(5, 0);
    expect(points[0]!.p99).toBeCloseTo(10, 0);
    expect(points[1]).toMatchObject({ submits: 0, responses: 0, p50: null });
    stats.seal();
    expect(stats.pointsView(1)).toEqual([expect.objectContaining({ second: 3, receipts: 1 })]);
    expect(stats.failedByStatus).toEqual([{ name: 'ESME_RTHROTTLED', count: 1 }]);
    expect(stats.receiptsByStat).toEqual([{ name: 'DELIVRD', count: 1 }]);
    expect(stats.latencySummary).toMatchObject({ count: 10, max: 10 });
  });
});

describe('load receipts', () => {
  it('counts intermediate and final receipts of the run messages only, once each', () => {
    const counted: string[] = [];
    const receipts = new LoadReceipts(new Set(['s1']), (stat) => counted.push(stat));
    receipts.accepted(message('m1', 'accepted'));
    receipts.message(message('m1', 'accepted'));
    receipts.message(message('m1', 'ENROUTE'));
    receipts.message(message('m1', 'ENROUTE')); // the same state again is not another receipt
    expect(receipts.awaitingCount).toBe(1);
    receipts.message(message('m1', 'DELIVRD'));
    receipts.message(message('other', 'DELIVRD', 's2')); // another session's message
    expect(counted).toEqual(['ENROUTE', 'DELIVRD']);
    expect(receipts.awaitingCount).toBe(0);
  });

  it('counts a receipt announced before the run heard its submit answered', () => {
    const counted: string[] = [];
    const receipts = new LoadReceipts(new Set(['s1']), (stat) => counted.push(stat));
    receipts.message(message('m2', 'UNDELIV'));
    receipts.accepted(message('m2', 'accepted'));
    // …or already in the answer itself (claimed by the response's commit)
    receipts.accepted(message('m3', 'DELIVRD'));
    expect(counted).toEqual(['UNDELIV', 'DELIVRD']);
    expect(receipts.awaitingCount).toBe(0);
  });

  it('stays bounded: past the limit the oldest awaited messages are let go and still counted as awaiting', () => {
    const receipts = new LoadReceipts(new Set(['s1']), () => undefined);
    for (let i = 0; i <= MAX_AWAITING_RECEIPTS; i += 1) receipts.accepted(message(`m${i}`, 'accepted'));
    expect(receipts.awaitingCount).toBe(MAX_AWAITING_RECEIPTS + 1);
  });

  it('awaits none when the messages ask for no receipt, and still counts one that comes', () => {
    const counted: string[] = [];
    const receipts = new LoadReceipts(new Set(['s1']), (stat) => counted.push(stat), false);
    receipts.accepted(message('m1', 'accepted'));
    receipts.message(message('m2', 'DELIVRD'));
    receipts.accepted(message('m2', 'accepted'));
    expect(receipts.awaitingCount).toBe(0);
    expect(counted).toEqual(['DELIVRD']);
    // One that comes after its answer (the usual order): counted once, intermediate and final alike.
    receipts.message(message('m1', 'ENROUTE'));
    receipts.message(message('m1', 'UNDELIV'));
    receipts.message(message('m1', 'UNDELIV'));
    expect(counted).toEqual(['DELIVRD', 'ENROUTE', 'UNDELIV']);
    expect(receipts.awaitingCount).toBe(0);
    // registered_delivery bits 1–0: 0 asks for none; 1 (the default) one on any outcome — awaited; 2 (on failure)
    // and 3 (on success) one only for some outcomes — counted when it comes, never awaited.
    expect([undefined, 0x00, 0x10, 0x01, 0x02, 0x03, 0x11].map((registeredDelivery) => receiptsAsked({ options: { registeredDelivery } }))).toEqual([
      true, false, false, true, false, false, true,
    ]);
    expect(receiptsAsked({})).toBe(true);
  });
});

describe('load runner', () => {
  it('never has more in flight than twice the window, paces to the rate, and names failures by why', async () => {
    let inFlight = 0;
    let most = 0;
    const drafts: SubmitDraft[] = [];
    const runner = new LoadRunner(
      {
        id: 'r', sessionIds: ['s1'], ratePerSecond: 2_000, sourceAddr: '1', settings: {},
        messages: { total: 200, at: (i) => ({ destinationAddr: `44${i}`, text: 'x' }) }, source: { kind: 'count', fileName: null },
        rowErrors: { total: 0, first: [] },
      },
      {
        submit: async (draft) => {
          const n = drafts.push(draft);
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 20));
          inFlight -= 1;
          if (n % 50 === 0) throw new Error('submit_sm failed: no submit_sm_resp within 100 ms');
          return message(`m${n}`, n % 40 === 0 ? 'rejected' : 'accepted');
        },
        session: () => ({ state: 'bound', windowSize: 5, reconnecting: false }),
        onChange: () => undefined,
        onError: (error) => {
          throw error;
        },
      },
    );
    runner.start();
    while (runner.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 10));
    const { summary } = runner.view();
    // The window's own 5 on the wire and as many again on their way to and from their commits.
    expect(most).toBe(5 * RUN_WINDOWS_PER_SESSION_WINDOW);
    // Every 50th times out (50, 100, 150, 200), every other 40th is refused (40, 80, 120, 160).
    expect(summary).toMatchObject({ planned: 200, sent: 200, failed: 8, accepted: 192 });
    expect(summary.failedByStatus).toEqual([
      { name: 'ESME_RTHROTTLED', count: 4 },
      { name: 'no response (timeout)', count: 4 },
    ]);
    expect(drafts[7]).toEqual({ sessionId: 's1', sourceAddr: '1', destinationAddr: '447', text: 'x' });
    // 10 in flight, 20 ms each: the window, not the rate, decides (≈ 500/s).
    expect(summary.achievedRate).toBeLessThan(600);
  });

  it("sends each message with the run's settings: the composed draft's encoding, split and options", async () => {
    const drafts: SubmitDraft[] = [];
    const settings = {
      encoding: 'ucs2', nationalLanguage: 'none', split: 'sar',
      options: { sourceAddrTon: 5, serviceType: 'LOAD', registeredDelivery: 0x11, tlvs: [{ tag: 0x1400, hex: 'cafe' }] },
    } as const satisfies LoadMessageSettings;
    const runner = new LoadRunner(
      {
        id: 'r', sessionIds: ['s1'], ratePerSecond: 1_000, sourceAddr: 'ACME', settings,
        messages: { total: 3, at: (i) => ({ destinationAddr: `44${i}`, text: `row ${i}` }) }, source: { kind: 'csv', fileName: null },
        rowErrors: { total: 0, first: [] },
      },
      {
        submit: async (draft) => (drafts.push(draft), message(`m${drafts.length}`, 'accepted')),
        session: () => ({ state: 'bound', windowSize: 10, reconnecting: false }),
        onChange: () => undefined,
        onError: (error) => {
          throw error;
        },
      },
    );
    runner.start();
    while (runner.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 5));
    expect(drafts).toEqual([0, 1, 2].map((i) => ({ ...settings, sessionId: 's1', sourceAddr: 'ACME', destinationAddr: `44${i}`, text: `row ${i}` })));
  });

  it('words submit failures as a status', () => {
    expect(failureName(new Error('submit_sm failed (part 2/3): generic_nack: ESME_RINVCMDID'))).toBe('generic_nack ESME_RINVCMDID');
    expect(failureName(new Error('submit_sm failed: the connection closed before the response came (peer closed)'))).toBe('connection closed');
    expect(failureName(new Error('the session is closed; bind it before sending'))).toBe('session not bound');
  });
});
