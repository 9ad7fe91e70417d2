// The profile form's input kinds. Each takes only its key path: the label comes from FIELD_LABELS, the value
// and the edit from the form context, so a section is a list of paths and cannot mislabel a field.
import { useId, type ReactNode } from 'react';
import { checkLimit, FIELD_LABELS, type FieldPath } from '../../profiles/field-paths';
import { readField } from '../../profiles/profile-form';
import { useControlProps, useProfileForm } from './form-context';

interface FieldProps {
  path: FieldPath;
  /** Shown under the input and read as its description. */
  hint?: ReactNode;
}

function Hint({ id, over, children }: { id: string; over?: boolean; children: ReactNode }) {
  return (
    <p id={id} className="hint" data-over={over || undefined}>
      {children}
    </p>
  );
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'password';
  placeholder?: string;
  disabled?: boolean;
  mono?: boolean;
  multiline?: boolean;
  autoComplete?: string;
  /** Where focus starts when the dialog opens (the Modal looks for data-autofocus). */
  initialFocus?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { path, hint, type = 'text', placeholder, disabled, mono, multiline, autoComplete, initialFocus } = props;
  const { form, edit } = useProfileForm();
  const hintId = useId();
  const value = readField(form, path) as string;
  const limit = checkLimit(path, value);
  const hasHint = hint !== undefined || limit !== null;
  const control = useControlProps(path, hasHint ? hintId : null, limit?.over);
  const common = {
    ...control,
    value,
    disabled,
    className: mono ? 'mono' : undefined,
    spellCheck: false,
    'data-autofocus': initialFocus || undefined,
    onChange: (event: { target: { value: string } }) => edit(path, event.target.value),
  };
  return (
    <>
      <label htmlFor={control.id}>{FIELD_LABELS[path]}</label>
      <div className="field">
        {multiline ? (
          <textarea {...common} rows={3} spellCheck />
        ) : (
          <input {...common} type={type} placeholder={placeholder} autoComplete={autoComplete ?? 'off'} />
        )}
        {hasHint && (
          <Hint id={hintId} over={limit?.over}>
            {limit?.hint}
            {limit !== null && hint !== undefined && ' · '}
            {hint}
          </Hint>
        )}
      </div>
    </>
  );
}

export function NumberField({ path, hint }: FieldProps) {
  const { form, edit, hintId, control } = useField(path, hint);
  return (
    <>
      <label htmlFor={control.id}>{FIELD_LABELS[path]}</label>
      <div className="field">
        {/* min/step only steer the spinner: the form is noValidate, the main side judges ranges. */}
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          className="mono"
          value={readField(form, path) as string}
          onChange={(event) => edit(path, event.target.value)}
        />
        {hint !== undefined && <Hint id={hintId}>{hint}</Hint>}
      </div>
    </>
  );
}

/** What every plain field starts from: the form, its edit, the hint's id and the control's props. */
function useField(path: FieldPath, hint: FieldProps['hint']) {
  const { form, edit } = useProfileForm();
  const hintId = useId();
  const control = useControlProps(path, hint === undefined ? null : hintId);
  return { form, edit, hintId, control };
}

export interface Choice {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldProps {
  choices: readonly Choice[];
  /** The setting is a number (interface_version, TON, NPI): the chosen value is written back as one. */
  numeric?: boolean;
}

export function SelectField({ path, hint, choices, numeric }: SelectFieldProps) {
  const { form, edit, hintId, control } = useField(path, hint);
  return (
    <>
      <label htmlFor={control.id}>{FIELD_LABELS[path]}</label>
      <div className="field">
        <select
          {...control}
          value={String(readField(form, path))}
          onChange={(event) => edit(path, numeric ? Number(event.target.value) : event.target.value)}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {hint !== undefined && <Hint id={hintId}>{hint}</Hint>}
      </div>
    </>
  );
}

interface CheckFieldProps extends FieldProps {
  disabled?: boolean;
  /** Hints that must be seen (a security warning) rather than read as muted help. */
  warning?: boolean;
}

export function CheckField({ path, hint, disabled, warning }: CheckFieldProps) {
  const { form, edit, hintId, control } = useField(path, hint);
  return (
    <div className="field field--check">
      <input
        {...control}
        type="checkbox"
        checked={readField(form, path) as boolean}
        disabled={disabled}
        onChange={(event) => edit(path, event.target.checked)}
      />
      <label htmlFor={control.id}>{FIELD_LABELS[path]}</label>
      {hint !== undefined && (
        <p id={hintId} className={warning ? 'hint hint--warning' : 'hint'}>
          {hint}
        </p>
      )}
    </div>
  );
}
