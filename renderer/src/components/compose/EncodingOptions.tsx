// The compose pane's Encoding, National language and Long messages selects, one per row of the form's grid so
// their labels line up with the others. National language stays enabled under UCS-2 (the choice is kept for the
// next GSM text) and its description says where it applies.
import { useId, type ReactNode } from 'react';
import {
  ENCODING_CHOICES,
  NATIONAL_LANGUAGE_CHOICES,
  SPLIT_CHOICES,
  type Choice,
  type ComposeOption,
  type ComposeOptions,
} from '../../compose/compose-options';

/** aria-invalid / aria-describedby for a control, from the Compose form (which knows the submit error). */
export type FieldAria = (field: string, ...describedBy: string[]) => { 'aria-invalid'?: true; 'aria-describedby'?: string };

interface EncodingOptionsProps {
  options: ComposeOptions;
  onChange: <K extends ComposeOption>(option: K, value: ComposeOptions[K]) => void;
  /** The encoding the text will actually go out in, to say when the national language is not used. */
  resolvedEncoding: 'gsm7' | 'ucs2';
  fieldAria: FieldAria;
}

export function EncodingOptions({ options, onChange, resolvedEncoding, fieldAria }: EncodingOptionsProps) {
  const hintId = useId();
  const unused = resolvedEncoding === 'ucs2' && options.nationalLanguage !== 'none';
  return (
    <>
      <OptionSelect
        label="Encoding"
        choices={ENCODING_CHOICES}
        value={options.encoding}
        onChange={(value) => onChange('encoding', value)}
        aria={fieldAria('encoding')}
      />
      <OptionSelect
        label="National language"
        choices={NATIONAL_LANGUAGE_CHOICES}
        value={options.nationalLanguage}
        onChange={(value) => onChange('nationalLanguage', value)}
        aria={fieldAria('nationalLanguage', hintId)}
      >
        <span id={hintId} className={unused ? 'hint hint--warning' : 'hint'}>
          {unused ? 'applies to GSM 03.38 only: not used, this text goes as UCS-2' : 'applies to GSM 03.38 only'}
        </span>
      </OptionSelect>
      <OptionSelect
        label="Long messages"
        choices={SPLIT_CHOICES}
        value={options.split}
        onChange={(value) => onChange('split', value)}
        aria={fieldAria('split')}
      />
    </>
  );
}

interface OptionSelectProps<T extends string> {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  aria: ReturnType<FieldAria>;
  /** Shown beside the select (its description, when the aria says so). */
  children?: ReactNode;
}

function OptionSelect<T extends string>({ label, choices, value, onChange, aria, children }: OptionSelectProps<T>) {
  const id = useId();
  // The event's value is one of the options rendered from `choices`; looking it up keeps the type honest.
  const pick = (picked: string) => {
    const choice = choices.find((c) => c.value === picked);
    if (choice) onChange(choice.value);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="compose__choice">
        <select id={id} value={value} onChange={(event) => pick(event.target.value)} {...aria}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {children}
      </span>
    </>
  );
}
