// The main side's typed event source: what core components announce, one event per happening (a message
// changed, a trace batch was captured). Nothing here reaches a client directly: the EventPipeline coalesces it per
// client and tick, with backpressure, into the contract's ConsoleEvents frames.
import { EventEmitter } from 'node:events';
import type { InboxItem, ListCounts, LoadRunView, MessageView, ProfileView, SessionTraceStats, SessionView, StoreHealth } from '../../../shared/contract';
import type { TraceBatch } from '../trace/trace-hub';

export interface CoreEvents {
  session: SessionView;
  /** A closed session taken off the list. */
  sessionRemoved: string;
  profiles: ProfileView[];
  trace: TraceBatch;
  traceStats: SessionTraceStats;
  tracePruned: { lowestId: number };
  message: MessageView;
  inbox: InboxItem;
  /** Sent / inbox / unread counts after a change (ListCountsKeeper publishes at most a few a second). */
  listCounts: ListCounts;
  storeHealth: StoreHealth;
  /** A load run's aggregated progress (LoadService publishes at most a few a second). */
  loadRun: LoadRunView;
}

type EventArgs = { [E in keyof CoreEvents]: [CoreEvents[E]] };

export class ConsoleEventBus extends EventEmitter<EventArgs> {}
