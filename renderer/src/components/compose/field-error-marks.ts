// The Compose form's marks for the last submit error: which control it names (aria-invalid, and the alert as its
// description), and clearing it once that control is edited, since the mark would then be stale. Options the
// form itself cannot turn into a draft (a half-filled picker) are marked the same way, without the alert.
import { fieldMatches, fieldsOverlap } from '../../compose/field-match';
import type { OptionProblem } from '../../compose/options-form';
import type { SubmitError } from '../../store/messages-slice';
import type { FieldAria } from './OptionControls';

export interface FieldErrorMarks {
  fieldAria: FieldAria;
  invalid: (field: string) => boolean;
  /** Call when a control is edited: an error about it (or about a list it belongs to) is cleared. */
  clearErrorOn: (field: string) => void;
}

export function fieldErrorMarks(
  error: SubmitError | null,
  problems: readonly OptionProblem[],
  alertId: string,
  clearSubmitError: () => void,
): FieldErrorMarks {
  const blamedByHost = (field: string) => fieldMatches(error?.field, field);
  const invalid = (field: string) => blamedByHost(field) || problems.some((problem) => fieldMatches(problem.field, field));
  const fieldAria: FieldAria = (field, ...describedBy) => ({
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby': [...describedBy, ...(blamedByHost(field) ? [alertId] : [])].join(' ') || undefined,
  });
  const clearErrorOn = (field: string) => {
    if (fieldsOverlap(error?.field, field)) clearSubmitError();
  };
  return { fieldAria, invalid, clearErrorOn };
}
