// Bind profiles: the list (replaced whole by every `profiles` event), which one the Sessions region has picked,
// and the actions behind its profile buttons. Results the host returns are applied at once as well, so the
// view never waits for the event that follows them (the event then replaces the list with the same content).
import type { StateCreator } from 'zustand';
import type { ConsoleApi, OutbindPlan, ProfileDraft, ProfileView } from '../../../shared/contract';
import { errorField, errorMessage } from '../api/call-error';
import type { ConsoleState } from './console-store';
import { upsertById } from './list-updates';

export interface FieldError {
  message: string;
  /** The ProfileSettings key path the host blamed (`password`, `tls.caFile`…), when it named one. */
  field: string | null;
}

export type SaveOutcome = { ok: true; profile: ProfileView } | { ok: false; error: FieldError };

export interface ImportReport {
  imported: number;
  errors: string[];
}

export interface ProfilesSlice {
  profiles: ProfileView[];
  /** The profile picked in the Sessions region; '' (or an id that has since gone) means the first one. */
  chosenProfileId: string;
  /** A failed duplicate, delete or export, shown in the Sessions region. */
  profilesError: string | null;
  /** What the last import did, until dismissed. */
  importReport: ImportReport | null;
  setProfiles: (profiles: ProfileView[]) => void;
  chooseProfile: (id: string) => void;
  /** Creates (id null) or updates a profile; on success the saved profile becomes the chosen one. */
  saveProfile: (id: string | null, draft: ProfileDraft) => Promise<SaveOutcome>;
  duplicateProfile: (id: string) => Promise<void>;
  deleteProfile: (id: string) => Promise<void>;
  /** The profiles as JSON, or null when the host refused (the reason is in profilesError). */
  exportProfiles: () => Promise<string | null>;
  importProfiles: (json: string) => Promise<void>;
  dismissImportReport: () => void;
  /** Where an outbind profile would listen and whom it would accept; the host's reason when it cannot say. */
  planOutbind: (host: string, listenAddress: string) => Promise<{ ok: true; plan: OutbindPlan } | { ok: false; message: string }>;
}

/** The profile the Sessions region acts on: the chosen one while it exists, else the first. */
export function selectedProfile(state: ConsoleState): ProfileView | undefined {
  return state.profiles.find((profile) => profile.id === state.chosenProfileId) ?? state.profiles[0];
}

export function createProfilesSlice(api: ConsoleApi): StateCreator<ConsoleState, [], [], ProfilesSlice> {
  return (set) => {
    const adopt = (profile: ProfileView) =>
      set((state) => ({ profiles: upsertById(state.profiles, profile), chosenProfileId: profile.id }));
    const failed = (error: unknown) => set({ profilesError: errorMessage(error) });
    return {
      planOutbind: (host, listenAddress) =>
        api.outbindPlan({ host, listenAddress }).then(
          (plan) => ({ ok: true as const, plan }),
          (error: unknown) => ({ ok: false as const, message: errorMessage(error) }),
        ),
      profiles: [],
      chosenProfileId: '',
      profilesError: null,
      importReport: null,
      setProfiles: (profiles) => set({ profiles }),
      chooseProfile: (chosenProfileId) => set({ chosenProfileId }),
      saveProfile: async (id, draft) => {
        try {
          const profile = id === null ? await api.createProfile(draft) : await api.updateProfile({ id, draft });
          adopt(profile);
          return { ok: true, profile };
        } catch (error) {
          return { ok: false, error: { message: errorMessage(error), field: errorField(error) } };
        }
      },
      duplicateProfile: async (id) => {
        set({ profilesError: null });
        try {
          adopt(await api.duplicateProfile({ id }));
        } catch (error) {
          failed(error);
        }
      },
      deleteProfile: async (id) => {
        set({ profilesError: null });
        try {
          const deleted = await api.deleteProfile({ id });
          set((state) => ({ profiles: state.profiles.filter((profile) => profile.id !== deleted.id) }));
        } catch (error) {
          failed(error);
        }
      },
      exportProfiles: async () => {
        set({ profilesError: null });
        try {
          return (await api.exportProfiles()).json;
        } catch (error) {
          failed(error);
          return null;
        }
      },
      importProfiles: async (json) => {
        set({ importReport: null });
        try {
          const { imported, errors } = await api.importProfiles({ json });
          set((state) => ({
            profiles: imported.reduce((list, profile) => upsertById(list, profile), state.profiles),
            importReport: { imported: imported.length, errors },
          }));
        } catch (error) {
          // A refusal of the whole file (not JSON, wrong shape) is reported like a per-profile problem.
          set({ importReport: { imported: 0, errors: [errorMessage(error)] } });
        }
      },
      dismissImportReport: () => set({ importReport: null }),
    };
  };
}
