// A compose draft's content both ways: built from the form's state (for Send and for Save as template) and turned
// back into the form's state (for a recalled draft or a used template). Both directions live here so that what is
// saved is exactly what is sent, and what is recalled is exactly what was saved.
import type { DraftContent, SubmitOptions } from '../../../shared/contract';
import { DEFAULT_COMPOSE_OPTIONS, type ComposeOptions } from './compose-options';
import { optionsFormOf } from './options-from-draft';
import type { OptionsForm } from './options-form';

/** The compose fields typed by hand. */
export interface ComposeFields {
  sourceAddr: string;
  destinationAddr: string;
  text: string;
}

export const EMPTY_FIELDS: ComposeFields = { sourceAddr: '', destinationAddr: '', text: '' };

/** Options at their defaults are left out (resolveOptions gives undefined), as they were before templates existed. */
export function draftContentOf(fields: ComposeFields, options: ComposeOptions, submitOptions: SubmitOptions | undefined): DraftContent {
  return { ...fields, ...options, ...(submitOptions ? { options: submitOptions } : {}) };
}

export interface ComposeState {
  fields: ComposeFields;
  options: ComposeOptions;
  optionsForm: OptionsForm;
}

/** Every compose field from a draft; what the draft leaves out is the contract's default, as it was sent. */
export function composeStateOf(draft: DraftContent): ComposeState {
  return {
    fields: { sourceAddr: draft.sourceAddr, destinationAddr: draft.destinationAddr, text: draft.text },
    options: {
      encoding: draft.encoding ?? DEFAULT_COMPOSE_OPTIONS.encoding,
      nationalLanguage: draft.nationalLanguage ?? DEFAULT_COMPOSE_OPTIONS.nationalLanguage,
      split: draft.split ?? DEFAULT_COMPOSE_OPTIONS.split,
    },
    optionsForm: optionsFormOf(draft.options),
  };
}
