// A load run's messages are the composed message: every submit_sm of a run carries the composed draft's options
// (TON/NPI, service_type, registered_delivery, validity, priority, a TLV), its encoding and its long-message method
// — read back from the PDUs as the trace recorded them, for a count run and a CSV run — and a run is refused for a
// bad option in the very words submit uses. The whole console against its built-in simulator: a few messages, fast
// (the rate test is load-run.test.ts's, alone).
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadRequest, LoadRunView, SubmitOptions, TraceDetail } from '../../shared/contract';
import { relativeSmppTime } from '../../shared/smpp-time';
import { consoleBoundToSimulator } from '../support/console-fixture';
import { fieldNode, fieldNumber, fieldOctets, fieldString } from '../support/detail-fields';
import { waitFor } from '../support/simulator-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The console bound to its simulator, with the run's events and its submit_sm PDUs as the trace recorded them. */
async function loadConsole() {
  const { services, session, trace } = await consoleBoundToSimulator(cleanups);
  const runs: LoadRunView[] = [];
  services.events.on('loadRun', (view) => runs.push(view));
  /** Starts a run and waits until it is done and no receipt is awaited. */
  const run = async (request: Omit<LoadRequest, 'sessionIds' | 'ratePerSecond'>) => {
    const started = await services.handlers.startLoad({ sessionIds: [session.id], ratePerSecond: 200, ...request });
    return waitFor(async () => {
      const view = await services.handlers.loadStatus({ runId: started.id });
      return view?.state === 'done' && view.summary.awaitingReceipts === 0 ? view : null;
    }, 10_000);
  };
  /** The details of the submit_sm PDUs the trace holds, oldest first, once there are `count`. */
  const submits = async (count: number): Promise<TraceDetail[]> => {
    const rows = await waitFor(() => {
      const found = trace.filter((row) => row.commandName === 'submit_sm' && row.direction === 'out');
      return found.length >= count ? found : null;
    });
    return Promise.all(rows.map((row) => services.handlers.traceDetail({ id: row.id })));
  };
  return { services, session, run, submits, runs };
}

const validity = relativeSmppTime({ hours: 2 });
const options = {
  serviceType: 'LOAD', sourceAddrTon: 5, sourceAddrNpi: 0, destAddrTon: 1, destAddrNpi: 1, protocolId: 0x7f, priorityFlag: 2,
  validityPeriod: validity, registeredDelivery: 0x11, tlvs: [{ tag: 0x1400, hex: 'cafe' }],
} satisfies SubmitOptions;

describe('load run messages carry the composed options', () => {
  it('a count run: each submit_sm has the options, the encoding and the source address of the composed draft', async () => {
    const { services, run, submits } = await loadConsole();
    const view = await run({
      source: { kind: 'count', count: 3, sourceAddr: 'ACME', destinationAddr: '447700900123', text: 'Load with options' },
      encoding: 'ucs2', options,
    });
    expect(view.summary).toMatchObject({ planned: 3, sent: 3, accepted: 3, failed: 0, receiptsByStat: [{ name: 'DELIVRD', count: 3 }] });

    const details = await submits(3);
    expect(details).toHaveLength(3);
    for (const detail of details) {
      const number = (name: string) => fieldNumber(detail, name);
      expect({
        sourceAddr: fieldString(detail, 'source_addr'), sourceAddrTon: number('source_addr_ton'), sourceAddrNpi: number('source_addr_npi'),
        destinationAddr: fieldString(detail, 'destination_addr'), destAddrTon: number('dest_addr_ton'), destAddrNpi: number('dest_addr_npi'),
        serviceType: fieldString(detail, 'service_type'), protocolId: number('protocol_id'), priorityFlag: number('priority_flag'),
        validityPeriod: fieldString(detail, 'validity_period'), registeredDelivery: number('registered_delivery'), dataCoding: number('data_coding'),
        tlv: fieldOctets(detail, 'unknown TLV 0x1400').toString('hex'),
      }).toEqual({
        sourceAddr: 'ACME', sourceAddrTon: 5, sourceAddrNpi: 0, destinationAddr: '447700900123', destAddrTon: 1, destAddrNpi: 1,
        serviceType: 'LOAD', protocolId: 0x7f, priorityFlag: 2, validityPeriod: validity, registeredDelivery: 0x11, dataCoding: 8, tlv: 'cafe',
      });
      expect(fieldNode(detail, 'source_addr_ton').value).toBe('5 Alphanumeric');
    }
    // Each message keeps the draft it went with, as a composed one does (its timeline's "re-send as a new draft").
    const [stored] = await services.handlers.listMessages({ limit: 10 });
    const lifecycle = await services.handlers.messageLifecycle({ id: stored!.id });
    expect(lifecycle.draft).toMatchObject({ sourceAddr: 'ACME', encoding: 'ucs2', options });
  });

  it("a CSV run: each row's destination and text, with the draft's long-message method and options", async () => {
    const { run, submits } = await loadConsole();
    const long = 'A long row of a CSV file, sent in parts with SAR TLVs as the composed draft says; '.repeat(3);
    const view = await run({
      source: { kind: 'csv', csv: `447700900001,Short row\n447700900002,"${long}"\n`, sourceAddr: 'ACME' },
      split: 'sar', options: { ...options, registeredDelivery: 0 },
    });
    // No receipt asked for: none is awaited, and the run settles once the last submit is answered.
    expect(view.summary).toMatchObject({ planned: 2, sent: 2, accepted: 2, failed: 0, receipts: 0, awaitingReceipts: 0 });

    const details = await submits(3);
    expect(details.map((d) => fieldString(d, 'destination_addr'))).toEqual(['447700900001', '447700900002', '447700900002']);
    for (const detail of details) {
      expect([fieldNumber(detail, 'source_addr_ton'), fieldString(detail, 'service_type'), fieldNumber(detail, 'registered_delivery')]).toEqual([5, 'LOAD', 0]);
      expect(fieldOctets(detail, 'unknown TLV 0x1400').toString('hex')).toBe('cafe');
    }
    // The long row went in two parts, as the draft's split says: SAR TLVs, no UDH.
    expect(details.slice(1).map((d) => [fieldNumber(d, 'sar_total_segments'), fieldNumber(d, 'sar_segment_seqnum'), fieldNumber(d, 'esm_class') & 0x40])).toEqual([
      [2, 1, 0],
      [2, 2, 0],
    ]);
  });

  it('refuses a run with a bad option in the words submit uses, naming the same field', async () => {
    const { services, session } = await loadConsole();
    const source = { kind: 'count', count: 1, sourceAddr: '1', destinationAddr: '447700900123', text: 'x' } as const;
    for (const [bad, field] of [
      [{ serviceType: 'TOOLONG' }, 'options.serviceType'],
      [{ sourceAddrTon: 256 }, 'options.sourceAddrTon'],
      [{ tlvs: [{ tag: 0x1400, hex: 'xyz' }] }, 'options.tlvs.0.hex'],
    ] as const) {
      const load = await services.call('startLoad', { sessionIds: [session.id], ratePerSecond: 10, source, options: bad });
      const submit = await services.call('submit', { sessionId: session.id, sourceAddr: '1', destinationAddr: '447700900123', text: 'x', options: bad });
      expect(load).toMatchObject({ ok: false, error: { field } });
      expect(load).toEqual(submit);
    }
    expect(await services.call('startLoad', { sessionIds: [session.id], ratePerSecond: 10, source, split: 'udh7' })).toEqual({
      ok: false, error: { field: 'split', message: 'Long messages: udh8, udh16, sar or payload' },
    });
    // Nothing was sent: no run started, no message stored.
    expect(await services.handlers.loadStatus({})).toBeNull();
    expect(await services.handlers.listMessages({ limit: 10 })).toEqual([]);
  });
});
