// The message timeline the user opened from a Sent row or a receipt: loaded from the host on open and again when
// that message changes (a receipt, a response), at most a few times a second — never per event.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, InboxItem, MessageLifecycle } from '../../../shared/contract';
import { errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';

export type LifecycleState =
  | { status: 'closed' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; story: MessageLifecycle }
  | { status: 'error'; id: string; message: string }
  /** An inbox item that belongs to no sent message (MO, or a receipt that matched nothing): shown as it came. */
  | { status: 'item'; item: InboxItem };

export interface LifecycleSlice {
  lifecycle: LifecycleState;
  openLifecycle: (id: string) => Promise<void>;
  /** A receipt opens its message's timeline; an unmatched receipt or an MO opens as itself. */
  openInboxItem: (item: InboxItem) => Promise<void>;
  closeLifecycle: () => void;
  /** The open message changed (messages / inbox events name it): load it again, coalesced. Read only while one is open. */
  lifecycleTouched: (messageIds: Iterable<string>) => void;
}

/** Reloads of an open timeline under a stream of its receipts: at most one per this many ms. */
const RELOAD_MS = 250;

export function createLifecycleSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], LifecycleSlice> {
  let reload: ReturnType<typeof setTimeout> | null = null;
  return (set, get) => {
    const load = async (id: string, quiet: boolean) => {
      if (!quiet) set({ lifecycle: { status: 'loading', id } });
      try {
        const story = await api.messageLifecycle({ id });
        if (openId(get().lifecycle) === id) set({ lifecycle: { status: 'ready', id, story } });
      } catch (error) {
        if (openId(get().lifecycle) === id) set({ lifecycle: { status: 'error', id, message: errorMessage(error) } });
      }
    };
    return {
      lifecycle: { status: 'closed' },
      openLifecycle: (id) => load(id, false),
      openInboxItem: async (item) => {
        if (item.matchedMessage !== null) return load(item.matchedMessage.id, false);
        set({ lifecycle: { status: 'item', item } });
      },
      closeLifecycle: () => set({ lifecycle: { status: 'closed' } }),
      lifecycleTouched: (messageIds) => {
        const id = openId(get().lifecycle);
        if (id === null || reload !== null) return;
        for (const touched of messageIds) {
          if (touched !== id) continue;
          reload = setTimeout(() => {
            reload = null;
            if (openId(get().lifecycle) === id) void load(id, true);
          }, RELOAD_MS);
          return;
        }
      },
    };
  };
}

function openId(state: LifecycleState): string | null {
  return state.status === 'loading' || state.status === 'ready' || state.status === 'error' ? state.id : null;
}
