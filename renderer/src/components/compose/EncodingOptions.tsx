// The compose pane's Encoding, National language and Long messages selects, one per row of the form's grid so
// their labels line up with the others. National language stays enabled under other encodings (the choice is
// kept for the next GSM text) and its description says where it applies.
import { useId } from 'react';
import type { MessagePlan } from '../../../../shared/message-parts';
import {
  ENCODING_CHOICES,
  encodingName,
  NATIONAL_LANGUAGE_CHOICES,
  SPLIT_CHOICES,
  type ComposeOption,
  type ComposeOptions,
} from '../../compose/compose-options';
import { ChoiceSelect, type FieldAria } from './OptionControls';

interface EncodingOptionsProps {
  options: ComposeOptions;
  onChange: <K extends ComposeOption>(option: K, value: ComposeOptions[K]) => void;
  /** The encoding the text will actually go out in, to say when the national language is not used. */
  resolvedEncoding: MessagePlan['encoding'];
  fieldAria: FieldAria;
}

export function EncodingOptions({ options, onChange, resolvedEncoding, fieldAria }: EncodingOptionsProps) {
  const hintId = useId();
  const unused = resolvedEncoding !== 'gsm7' && options.nationalLanguage !== 'none';
  return (
    <>
      <ChoiceSelect
        label="Encoding"
        choices={ENCODING_CHOICES}
        value={options.encoding}
        onChange={(value) => onChange('encoding', value)}
        aria={fieldAria('encoding')}
      />
      <ChoiceSelect
        label="National language"
        choices={NATIONAL_LANGUAGE_CHOICES}
        value={options.nationalLanguage}
        onChange={(value) => onChange('nationalLanguage', value)}
        aria={fieldAria('nationalLanguage', hintId)}
      >
        <span id={hintId} className={unused ? 'hint hint--warning' : 'hint'}>
          {unused
            ? `applies to GSM 03.38 only: not used, this text goes as ${encodingName(resolvedEncoding)}`
            : 'applies to GSM 03.38 only'}
        </span>
      </ChoiceSelect>
      <ChoiceSelect
        label="Long messages"
        choices={SPLIT_CHOICES}
        value={options.split}
        onChange={(value) => onChange('split', value)}
        aria={fieldAria('split')}
      />
    </>
  );
}
