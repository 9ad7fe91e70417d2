// Recent drafts (what was sent, to recall and send again) and the named templates of one profile. The host sends
// no event when either changes, so the lists are asked for again after whatever changes them: a submit (accepted
// or refused, the host records it either way), a template saved or deleted, and the Compose session's profile
// changing. Only the newest request of each list may apply its answer, so a slow one cannot bring back a stale list.
import type { StateCreator } from 'zustand';
import type { ConsoleApi, DraftContent, SavedDraft } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import type { FieldError } from './profiles-slice';

/** The templates of the profile they were last asked for; a list for another profile is never shown as this one's. */
export interface ProfileTemplates {
  profileId: string | null;
  list: SavedDraft[];
}

export interface DraftsSlice {
  /** Newest first, as the host keeps them. */
  recentDrafts: SavedDraft[];
  recentDraftsError: string | null;
  templates: ProfileTemplates;
  /** The last template action that failed (load, save or delete), with the field the host blamed. */
  templatesError: FieldError | null;
  loadRecentDrafts: () => Promise<void>;
  loadTemplates: (profileId: string) => Promise<void>;
  /** Resolves to the saved template, or null when the host refused it (templatesError says why). */
  saveTemplate: (profileId: string, name: string, draft: DraftContent) => Promise<SavedDraft | null>;
  /** Resolves true once deleted. */
  deleteTemplate: (id: string, profileId: string) => Promise<boolean>;
  clearTemplatesError: () => void;
}

export function createDraftsSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], DraftsSlice> {
  return (set, get) => {
    const latest = { recent: 0, templates: 0 };
    const failed = (error: unknown) => set({ templatesError: { message: errorMessage(error), field: errorField(error) } });
    return {
      recentDrafts: [],
      recentDraftsError: null,
      templates: { profileId: null, list: [] },
      templatesError: null,
      loadRecentDrafts: async () => {
        const ticket = ++latest.recent;
        try {
          const recentDrafts = await api.listRecentDrafts();
          if (latest.recent === ticket) set({ recentDrafts, recentDraftsError: null });
        } catch (error) {
          if (latest.recent === ticket) set({ recentDraftsError: `Could not load recent drafts: ${errorMessage(error)}` });
        }
      },
      loadTemplates: async (profileId) => {
        const ticket = ++latest.templates;
        try {
          const list = await api.listTemplates({ profileId });
          // A fresh list settles an earlier failure to load one.
          if (latest.templates === ticket) set({ templates: { profileId, list }, templatesError: null });
        } catch (error) {
          if (latest.templates === ticket) failed(error);
        }
      },
      saveTemplate: async (profileId, name, draft) => {
        set({ templatesError: null });
        try {
          const saved = await api.saveTemplate({ profileId, name, draft });
          await get().loadTemplates(profileId);
          return saved;
        } catch (error) {
          failed(error);
          return null;
        }
      },
      deleteTemplate: async (id, profileId) => {
        set({ templatesError: null });
        try {
          await api.deleteTemplate({ id });
          await get().loadTemplates(profileId);
          return true;
        } catch (error) {
          failed(error);
          return false;
        }
      },
      clearTemplatesError: () => set({ templatesError: null }),
    };
  };
}
