// The labelled controls of the compose form's two-column grid: the label in the first column, the control (and
// anything said beside it) in the second. Every one takes its aria from the Compose form, which knows which
// field the last error named.
import { useId, type ReactNode } from 'react';
import type { Choice } from '../../compose/compose-options';

/** aria-invalid / aria-describedby for a control, from the Compose form (which knows the submit error). */
export type FieldAria = (field: string, ...describedBy: string[]) => ControlAria;
export interface ControlAria {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface ChoiceSelectProps<T extends string | number> {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  aria: ControlAria;
  /** Shown beside the select (its description, when the aria says so). */
  children?: ReactNode;
}

export function ChoiceSelect<T extends string | number>({ label, choices, value, onChange, aria, children }: ChoiceSelectProps<T>) {
  const id = useId();
  // An option's value is always a string; looking the choice up gives back the typed value (a number for TON).
  const pick = (picked: string) => {
    const choice = choices.find((c) => String(c.value) === picked);
    if (choice) onChange(choice.value);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="compose__choice">
        <select id={id} value={String(value)} onChange={(event) => pick(event.target.value)} {...aria}>
          {choices.map((choice) => (
            <option key={String(choice.value)} value={String(choice.value)}>
              {choice.label}
            </option>
          ))}
        </select>
        {children}
      </span>
    </>
  );
}

interface FieldInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  aria: ControlAria;
  /** A number input's range: it only steers the spinner, the host judges the value and names the limit. */
  range?: { min: number; max: number };
  placeholder?: string;
  children?: ReactNode;
}

/** A short typed value (service_type, protocol_id): monospaced, as it appears in the trace. */
export function FieldInput({ label, value, onChange, aria, range, placeholder, children }: FieldInputProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="compose__choice">
        <input
          id={id}
          className="mono compose__short"
          type={range ? 'number' : 'text'}
          inputMode={range ? 'numeric' : undefined}
          min={range?.min}
          max={range?.max}
          step={range ? 1 : undefined}
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...aria}
        />
        {children}
      </span>
    </>
  );
}

interface CheckInputProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  aria?: ControlAria;
}

/** A checkbox in the control column, its label after it as checkboxes are read. */
export function CheckInput({ label, checked, onChange, aria }: CheckInputProps) {
  const id = useId();
  return (
    <span className="compose__check">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} {...aria} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
