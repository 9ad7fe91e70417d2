// List counts reach a client latest-only: a client that is behind gets the counts as they are now in its next
// frame, not every step to them, and a client that keeps up gets each change.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventFrame, ListCounts } from '../../shared/contract';
import { ConsoleEventBus } from '../../electron/core/api/event-bus';
import { EventPipeline } from '../../electron/core/api/event-pipeline';
import { consoleDiagnostics } from '../../electron/core/diagnostics/console-diagnostics';
import { waitFor } from '../support/simulator-fixture';

const counts = (inbox: number): ListCounts => ({ sent: 0, inbox, unread: inbox, sessions: { s: { sent: 0, inbox, unread: inbox } } });
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('listCounts through the event pipeline', () => {
  it('sends the latest counts only, once the client acknowledges', async () => {
    const bus = new ConsoleEventBus();
    const { diagnostics, health } = consoleDiagnostics(null);
    const pipeline = new EventPipeline(bus, diagnostics, { tickMs: 5, maxInFlight: 1, maxRowsPerFrame: 10, maxPendingRows: 10, maxPendingItems: 10 });
    stops.push(() => pipeline.close(), () => health.stop());
    const frames: EventFrame[] = [];
    const client = pipeline.attach({ send: (frame) => frames.push(frame) });
    bus.emit('listCounts', counts(1));
    await waitFor(() => frames.length === 1);
    // not acknowledged: these wait, and only the last is kept
    for (let n = 2; n <= 50; n += 1) bus.emit('listCounts', counts(n));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(frames).toHaveLength(1);
    expect(client.pending.inFlight).toBe(1);
    client.ack(frames[0]!.seq);
    await waitFor(() => frames.length === 2);
    expect(frames.map((f) => f.events.listCounts?.inbox)).toEqual([1, 50]);
  });
});
