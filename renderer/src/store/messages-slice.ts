// Submitted messages (newest first) and the submit action with its error, which names the input at fault.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, MessageView, SubmitDraft } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { mergeLoaded, newestFirstIndex, sortNewestFirst, upsertById } from './list-updates';

export interface SubmitError {
  message: string;
  /** The SubmitDraft key the host blamed (sourceAddr, destinationAddr, text, sessionId), when it named one. */
  field: string | null;
}

export interface MessagesSlice {
  messages: MessageView[];
  submitting: boolean;
  submitError: SubmitError | null;
  loadMessages: (messages: MessageView[]) => void;
  upsertMessage: (message: MessageView) => void;
  /** Resolves true when the host accepted the draft for sending. */
  submit: (draft: SubmitDraft) => Promise<boolean>;
  clearSubmitError: () => void;
}

const submittedAt = (message: MessageView) => message.submittedAt;

export function createMessagesSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], MessagesSlice> {
  return (set, get) => ({
    messages: [],
    submitting: false,
    submitError: null,
    loadMessages: (loaded) =>
      set((state) => ({ messages: sortNewestFirst(mergeLoaded(loaded, state.messages), submittedAt) })),
    upsertMessage: (message) =>
      set((state) => ({ messages: upsertById(state.messages, message, newestFirstIndex(submittedAt)) })),
    submit: async (draft) => {
      set({ submitting: true, submitError: null });
      try {
        get().upsertMessage(await api.submit(draft));
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
  });
}
