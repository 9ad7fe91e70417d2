// The Compose form's state, held in the store rather than in the component: so a collapsed (or re-mounted) pane keeps
// what was typed, and other parts of the console — the message timeline's "re-send as a new draft" — can start a
// draft with `startDraft` without reaching into the pane. What is derived from the form (the plan, the resolved
// options, why Send is blocked) stays in the pane: it is computed from this state, never stored beside it.
import type { StateCreator } from 'zustand';
import type { DraftContent } from '../../../shared/contract';
import { DEFAULT_COMPOSE_OPTIONS, type ComposeOption, type ComposeOptions } from '../compose/compose-options';
import { boundSessionsOf, composeSessionId } from '../compose/compose-session';
import { composeStateOf, EMPTY_FIELDS, type ComposeFields } from '../compose/draft-content';
import { DEFAULT_OPTIONS_FORM, type OptionsForm, type OptionsFormKey } from '../compose/options-form';
import type { ConsoleState } from './console-store';

/** The split method picked in Compose, and for which profile: a session of another profile brings its default back. */
export interface SplitChoice {
  profileId: string;
  split: ComposeOptions['split'];
}

export interface ComposeForm {
  /** The session picked in the Session select; '' until one is (composeSessionId says which one is used). */
  chosenSessionId: string;
  fields: ComposeFields;
  /** Encoding and national language as picked; the split is in splitChoice (its default is the profile's). */
  options: ComposeOptions;
  splitChoice: SplitChoice | null;
  optionsForm: OptionsForm;
}

export interface ComposeSlice {
  composeForm: ComposeForm;
  /** Grows each time something asks the Compose pane to bring its text into view and focus it. */
  composeFocusRequests: number;
  setComposeSession: (sessionId: string) => void;
  setComposeField: (field: keyof ComposeFields, value: string) => void;
  setComposeOption: <K extends ComposeOption>(option: K, value: ComposeOptions[K]) => void;
  setMessageOption: <K extends OptionsFormKey>(key: K, value: OptionsForm[K]) => void;
  /** Replaces every field with a draft's (a recalled draft, a used template); the session stays. Nothing is sent. */
  loadDraft: (content: DraftContent) => void;
  /**
   * Starts a new draft from a draft's content (on a session when given and bound), reveals the Compose pane
   * (expanding it if collapsed) and puts the focus in its text. Nothing is sent until the engineer presses Send.
   */
  startDraft: (content: DraftContent, sessionId?: string) => void;
}

const EMPTY_FORM: ComposeForm = {
  chosenSessionId: '',
  fields: EMPTY_FIELDS,
  options: DEFAULT_COMPOSE_OPTIONS,
  splitChoice: null,
  optionsForm: DEFAULT_OPTIONS_FORM,
};

/** The profile of the session Compose would send on now ('' when none is bound). */
function composeProfileId(state: ConsoleState): string {
  const bound = boundSessionsOf(state.sessions, state.profiles);
  const id = composeSessionId(bound, state.composeForm.chosenSessionId);
  return bound.find((s) => s.id === id)?.profileId ?? '';
}

export const createComposeSlice: StateCreator<ConsoleState, [], [], ComposeSlice> = (set, get) => {
  const update = (change: Partial<ComposeForm>) => set((state) => ({ composeForm: { ...state.composeForm, ...change } }));
  return {
    composeForm: EMPTY_FORM,
    composeFocusRequests: 0,
    setComposeSession: (chosenSessionId) => update({ chosenSessionId }),
    setComposeField: (field, value) => update({ fields: { ...get().composeForm.fields, [field]: value } }),
    setComposeOption: (option, value) => {
      const form = get().composeForm;
      if (option === 'split') update({ splitChoice: { profileId: composeProfileId(get()), split: value as ComposeOptions['split'] } });
      else update({ options: { ...form.options, [option]: value } });
    },
    setMessageOption: (key, value) => update({ optionsForm: { ...get().composeForm.optionsForm, [key]: value } }),
    loadDraft: (content) => {
      const next = composeStateOf(content);
      // The draft's split is kept as a choice for the profile in use, as if picked here.
      update({
        fields: next.fields,
        options: next.options,
        splitChoice: { profileId: composeProfileId(get()), split: next.options.split },
        optionsForm: next.optionsForm,
      });
      get().clearSubmitError();
      // Into the text, where Ctrl+Enter sends it and a screen reader reads what came back.
      set((state) => ({ composeFocusRequests: state.composeFocusRequests + 1 }));
    },
    startDraft: (content, sessionId) => {
      // Only a bound session can be picked: for one that has gone, the session Compose would use anyway stays.
      const bound = boundSessionsOf(get().sessions, get().profiles);
      if (sessionId !== undefined && bound.some((s) => s.id === sessionId)) update({ chosenSessionId: sessionId });
      get().revealPane('compose');
      get().loadDraft(content);
    },
  };
};
