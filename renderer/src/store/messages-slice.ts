// Submitted messages as a window over the store (newest first, list-window.ts), and the submit action with its
// error, which names the input at fault.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, ListBatch, MessageView, SubmitDraft } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { applyBatch, MAX, PAGE, WINDOW, type ListWindow } from './list-window';

export interface SubmitError {
  message: string;
  /** The SubmitDraft key the host blamed (sourceAddr, destinationAddr, text, sessionId), when it named one. */
  field: string | null;
}

export interface MessagesSlice {
  messages: MessageView[];
  messagesHaveOlder: boolean;
  submitting: boolean;
  submitError: SubmitError | null;
  reloadMessages: () => Promise<void>;
  loadOlderMessages: () => Promise<void>;
  receiveMessages: (batch: ListBatch<MessageView>) => void;
  /** Resolves true when the host accepted the draft for sending. */
  submit: (draft: SubmitDraft) => Promise<boolean>;
  clearSubmitError: () => void;
}

/** Newest first by submission, then id (as the store orders them). */
const newer = (a: MessageView, b: MessageView) => a.submittedAt > b.submittedAt || (a.submittedAt === b.submittedAt && a.id > b.id);

export function createMessagesSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], MessagesSlice> {
  return (set, get) => {
    const scope = () => get().scopeSessionId;
    let loadingOlder = false; // scrolling at the end asks many times; one page at a time
    const apply = (batch: readonly MessageView[]) => {
      const current: ListWindow<MessageView> = { items: get().messages, hasOlder: get().messagesHaveOlder };
      const session = scope();
      const next = applyBatch(current, batch, newer, (m) => session === null || m.sessionId === session);
      if (next !== current) set({ messages: next.items, messagesHaveOlder: next.hasOlder });
    };
    return {
      messages: [],
      messagesHaveOlder: false,
      submitting: false,
      submitError: null,
      reloadMessages: async () => {
        const session = scope();
        try {
          const items = await api.listMessages({ ...(session !== null ? { sessionId: session } : {}), limit: WINDOW + 1 });
          if (scope() === session) set({ messages: items.slice(0, WINDOW), messagesHaveOlder: items.length > WINDOW });
        } catch (error) {
          get().reportLoadError(`Could not load sent messages: ${errorMessage(error)}`);
        }
      },
      loadOlderMessages: async () => {
        const { messages } = get();
        const oldest = messages.at(-1);
        if (!oldest || messages.length >= MAX || loadingOlder) return;
        const session = scope();
        loadingOlder = true;
        try {
          const older = await api.listMessages({
            ...(session !== null ? { sessionId: session } : {}), before: { submittedAt: oldest.submittedAt, id: oldest.id }, limit: PAGE + 1,
          });
          if (scope() !== session || get().messages.at(-1) !== oldest) return;
          set({ messages: messages.concat(older.slice(0, PAGE)), messagesHaveOlder: older.length > PAGE });
        } catch (error) {
          get().reportLoadError(`Could not load older sent messages: ${errorMessage(error)}`);
        } finally {
          loadingOlder = false;
        }
      },
      receiveMessages: (batch) => (batch.overflowed ? void get().reloadMessages() : apply(batch.items)),
      submit: async (draft) => {
        set({ submitting: true, submitError: null });
        try {
          apply([await api.submit(draft)]);
          set({ submitting: false });
          return true;
        } catch (error) {
          set({ submitting: false, submitError: { message: errorMessage(error), field: errorField(error) } });
          return false;
        } finally {
          // The host records every submitted draft, refused ones too, and sends no event for it.
          void get().loadRecentDrafts();
        }
      },
      clearSubmitError: () => set({ submitError: null }),
    };
  };
}
