// The TLVs a submit_sm carries besides those the console adds itself: one row each, tag by name or typed hex,
// value as hex octets. Rows are numbered from 1 as people count; the host numbers them from 0 in its errors
// (options.tlvs.0.hex), which the Compose form's aria maps back to the row.
import { useId } from 'react';
import { optionField } from '../../compose/options-form';
import { integerOctets, newTlvRow, OTHER_TAG, resolveTag, TLV_TAG_CHOICES, type TlvRow } from '../../compose/tlv-rows';
import { VisuallyHidden } from '../VisuallyHidden';
import type { FieldAria } from './OptionControls';

interface TlvEditorProps {
  rows: TlvRow[];
  onChange: (rows: TlvRow[]) => void;
  fieldAria: FieldAria;
}

export function TlvEditor({ rows, onChange, fieldAria }: TlvEditorProps) {
  const headingId = useId();
  const edit = (key: number, change: Partial<TlvRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => onChange([...rows, newTlvRow(Math.max(0, ...rows.map((row) => row.key)) + 1)]);
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));
  return (
    <>
      <span id={headingId} className="compose__label">
        TLVs
      </span>
      <div className="compose__tlvs" role="group" aria-labelledby={headingId}>
        {rows.map((row, index) => (
          <TlvRowFields
            key={row.key}
            row={row}
            index={index}
            onEdit={(change) => edit(row.key, change)}
            onRemove={() => remove(row.key)}
            fieldAria={fieldAria}
          />
        ))}
        <button type="button" className="compose__add" onClick={add}>
          Add TLV
        </button>
      </div>
    </>
  );
}

interface TlvRowFieldsProps {
  row: TlvRow;
  index: number;
  onEdit: (change: Partial<TlvRow>) => void;
  onRemove: () => void;
  fieldAria: FieldAria;
}

function TlvRowFields({ row, index, onEdit, onRemove, fieldAria }: TlvRowFieldsProps) {
  const problemId = useId();
  const number = index + 1;
  const other = row.tag === OTHER_TAG;
  const { problem } = resolveTag(row);
  // Integer TLVs take a number (converted to exactly their width); others take hex octets.
  const width = integerOctets(row);
  const tagAria = fieldAria(optionField(`tlvs.${index}.tag`), ...(problem === null ? [] : [problemId]));
  return (
    <fieldset className="compose__tlv">
      <legend className="visually-hidden">TLV {number}</legend>
      <label className="compose__inline">
        TLV tag
        <select value={row.tag} onChange={(event) => onEdit({ tag: event.target.value })} {...(other ? {} : tagAria)}>
          {TLV_TAG_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {other && (
        <label className="compose__inline">
          Tag (hex)
          <input
            className="mono compose__tiny"
            value={row.otherTag}
            placeholder="1400"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onEdit({ otherTag: event.target.value })}
            {...tagAria}
            aria-invalid={tagAria['aria-invalid'] ?? (problem !== null || undefined)}
          />
        </label>
      )}
      <label className="compose__inline compose__grow">
        {width === null ? 'TLV value (hex)' : `TLV value (number, ${width} octet${width > 1 ? 's' : ''})`}
        <input
          className="mono"
          value={row.hex}
          inputMode={width === null ? 'text' : 'numeric'}
          placeholder={width === null ? 'e.g. 00 01' : 'e.g. 42'}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onEdit({ hex: event.target.value })}
          {...fieldAria(optionField(`tlvs.${index}.hex`))}
        />
      </label>
      <button type="button" onClick={onRemove}>
        Remove
        <VisuallyHidden>{` TLV ${number}`}</VisuallyHidden>
      </button>
      {other && problem !== null && (
        <span id={problemId} className="hint hint--warning">
          {problem}
        </span>
      )}
    </fieldset>
  );
}
