// One SMPP time field (schedule_delivery_time or validity_period) as a small picker: no time, a moment picked in
// local time (sent as UTC), a duration (sent as a relative time), or the SMPP string typed raw. The string that
// will be sent, or why there is none, is shown beside it live and read as the picker's description.
import { useId } from 'react';
import {
  DURATION_PARTS,
  resolveTimePick,
  TIME_MODE_CHOICES,
  type TimeMode,
  type TimePick,
} from '../../compose/smpp-time-pick';
import type { ControlAria } from './OptionControls';

interface SmppTimePickerProps {
  label: string;
  /** The SMPP field's name, shown with the string it will carry. */
  smppField: string;
  pick: TimePick;
  onChange: (pick: TimePick) => void;
  /** From the Compose form: the host's error, if it named this field. */
  aria: (describedBy: string) => ControlAria;
}

export function SmppTimePicker({ label, smppField, pick, onChange, aria }: SmppTimePickerProps) {
  const modeId = useId();
  const resultId = useId();
  const { value, problem } = resolveTimePick(pick);
  const fromHost = aria(resultId);
  const controlAria = { ...fromHost, 'aria-invalid': fromHost['aria-invalid'] ?? (problem !== null || undefined) };
  const edit = (change: Partial<TimePick>) => onChange({ ...pick, ...change });
  const chooseMode = (mode: TimeMode) =>
    // A moment starts an hour from now, rather than at an empty picker that means nothing yet.
    edit(mode === 'at' && pick.at === '' ? { mode, at: localInputValue(Date.now() + 3_600_000) } : { mode });

  return (
    <>
      <label htmlFor={modeId}>{label}</label>
      {/* The legend names the group for the inputs inside; the label names the select, as in every other row. */}
      <fieldset className="compose__picker">
        <legend className="visually-hidden">{label}</legend>
        <select
          id={modeId}
          value={pick.mode}
          onChange={(event) => {
            const choice = TIME_MODE_CHOICES.find((c) => c.value === event.target.value);
            if (choice) chooseMode(choice.value);
          }}
          {...controlAria}
        >
          {TIME_MODE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {pick.mode === 'at' && (
          <label className="compose__inline">
            Local time
            <input type="datetime-local" value={pick.at} onChange={(event) => edit({ at: event.target.value })} {...controlAria} />
          </label>
        )}
        {pick.mode === 'after' &&
          DURATION_PARTS.map(({ part, label: partLabel }) => (
            <label key={part} className="compose__inline">
              {partLabel}
              <input
                className="mono compose__tiny"
                type="number"
                inputMode="numeric"
                min={0}
                max={99}
                step={1}
                value={pick[part]}
                onChange={(event) => edit({ [part]: event.target.value })}
                {...controlAria}
              />
            </label>
          ))}
        {pick.mode === 'raw' && (
          <label className="compose__inline">
            SMPP time
            <input
              className="mono"
              value={pick.raw}
              placeholder="YYMMDDhhmmsstnnp"
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => edit({ raw: event.target.value })}
              {...controlAria}
            />
          </label>
        )}
        <span id={resultId} className={problem === null ? 'hint' : 'hint hint--warning'}>
          {problem ?? describeValue(smppField, value, pick.mode)}
        </span>
      </fieldset>
    </>
  );
}

function describeValue(smppField: string, value: string, mode: TimeMode): string {
  if (value === '') return `${smppField} empty (none)`;
  return `${smppField} ${value}${mode === 'at' ? ' (UTC)' : ''}`;
}

/** A datetime-local input's value for an instant, in the desktop's time zone, to the minute. */
function localInputValue(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
