// What a load run sends and how fast: the composed message a number of times, or each row of a CSV file (from the
// composed source address), at a rate, over one or several bound TX/TRX sessions. Either way each message carries
// the rest of the composed draft — encoding, long-message method, Message options — as Send would. Every control is
// labelled; the host checks the request again and names the control and the limit when it refuses one.
import { useId, useState, type FormEvent } from 'react';
import { LOAD_LIMITS, type DraftContent } from '../../../../shared/contract';
import type { BoundSession } from '../../compose/compose-session';
import { formatCount } from '../../format/display';
import { loadChoiceOf } from '../../load/load-choice';
import { useConsole } from '../../store/console-context';

interface LoadFormProps {
  /** The composed draft, as Send would send it (Compose's own content). */
  composed: DraftContent;
  /** Why the composed Message options cannot be sent as they stand (null when they can): a run waits for it too. */
  optionsProblem: string | null;
  /** Bound sessions, newest first (receivers included, shown as unable to send). */
  bound: readonly BoundSession[];
  /** Compose's session: the one ticked until the user ticks others. */
  composeSessionId: string;
}

/** Which control a host error names (its field), so that control is marked. */
const CONTROL_OF: Array<[prefix: string, control: 'messages' | 'csv' | 'rate' | 'sessions' | 'composed']> = [
  ['source.count', 'messages'],
  ['source.csv', 'csv'],
  ['source.uploadId', 'csv'],
  ['ratePerSecond', 'rate'],
  ['sessionIds', 'sessions'],
  ['source.', 'composed'],
  // The rest of the composed draft: its encoding, long-message method and Message options.
  ['encoding', 'composed'],
  ['nationalLanguage', 'composed'],
  ['split', 'composed'],
  ['options.', 'composed'],
];

export function LoadForm({ composed, optionsProblem, bound, composeSessionId }: LoadFormProps) {
  const ids = { mode: useId(), count: useId(), file: useId(), rate: useId(), error: useId(), window: useId() };
  const [mode, setMode] = useState<'count' | 'csv'>('count');
  const [count, setCount] = useState('1000');
  const [file, setFile] = useState<File | null>(null);
  const [rate, setRate] = useState('100');
  const [ticked, setTicked] = useState<string[] | null>(null);
  const run = useConsole((state) => state.loadRun);
  const outcome = useConsole((state) => state.loadOutcome);
  const startLoad = useConsole((state) => state.startLoad);
  const stopLoad = useConsole((state) => state.stopLoad);
  const profiles = useConsole((state) => state.profiles);

  const senders = bound.filter((s) => !s.receiveOnly);
  const chosen = (ticked ?? [composeSessionId]).filter((id) => senders.some((s) => s.id === id));
  const live = run !== null && run.state !== 'done';
  const starting = outcome.status === 'starting';
  const failedControl = outcome.status === 'failed' ? CONTROL_OF.find(([prefix]) => (outcome.field ?? '').startsWith(prefix))?.[1] : undefined;
  const aria = (control: string) => (failedControl === control ? { 'aria-invalid': true as const, 'aria-describedby': ids.error } : {});
  // The run's bound in flight: the sum of the chosen sessions' windows (their profiles').
  const window = chosen.reduce((sum, id) => sum + (profiles.find((p) => p.id === senders.find((s) => s.id === id)?.profileId)?.windowSize ?? 0), 0);
  const blockedBy =
    senders.length === 0
      ? 'No bound transmitter or transceiver session'
      : chosen.length === 0
        ? 'Tick a session'
        : mode === 'csv' && file === null
          ? 'Choose a CSV file'
          : optionsProblem !== null
            ? `Composed message: ${optionsProblem}`
            : null;

  const toggle = (id: string, on: boolean) => setTicked(on ? [...new Set([...chosen, id])] : chosen.filter((c) => c !== id));
  const start = (event: FormEvent) => {
    event.preventDefault();
    if (blockedBy !== null || live || starting) return;
    const choice = loadChoiceOf(composed, { mode, count, file, rate, sessionIds: chosen });
    if (choice !== null) void startLoad(choice);
  };

  return (
    <form className="operation load-form" onSubmit={start} aria-label="Load run">
      <fieldset className="compose__checks load-form__mode">
        <legend className="visually-hidden">Send</legend>
        <label>
          <input type="radio" name={ids.mode} checked={mode === 'count'} onChange={() => setMode('count')} /> The composed message, a number of times
        </label>
        <label>
          <input type="radio" name={ids.mode} checked={mode === 'csv'} onChange={() => setMode('csv')} /> Each row of a CSV file
        </label>
      </fieldset>
      <label htmlFor={ids.count}>Messages</label>
      <input
        id={ids.count}
        className="mono compose__short"
        type="number"
        min={1}
        max={LOAD_LIMITS.maxCount}
        value={count}
        disabled={mode !== 'count'}
        onChange={(event) => setCount(event.target.value)}
        {...aria('messages')}
      />
      <label htmlFor={ids.file}>CSV file</label>
      <input id={ids.file} type="file" accept=".csv,text/csv,text/plain" disabled={mode !== 'csv'} onChange={(event) => setFile(event.target.files?.[0] ?? null)} {...aria('csv')} />
      <p className="hint">
        {mode === 'count'
          ? 'From Source address, to Destination address, the Text above — each as the composed message goes (encoding, long messages, options).'
          : `Rows of destination,text, sent from Source address above, each as the composed message goes (encoding, long messages, options); a header row is optional; up to ${formatCount(LOAD_LIMITS.maxCsvRows)} rows. A bad row is reported by its line and the rest are sent.`}
      </p>
      <label htmlFor={ids.rate}>Rate (messages/s)</label>
      <input
        id={ids.rate}
        className="mono compose__short"
        type="number"
        min={1}
        max={LOAD_LIMITS.maxRatePerSecond}
        value={rate}
        onChange={(event) => setRate(event.target.value)}
        aria-describedby={ids.window}
        {...aria('rate')}
      />
      <fieldset className="compose__checks load-form__sessions" {...aria('sessions')}>
        <legend>Sessions</legend>
        {bound.length === 0 && <span className="muted">No bound session — connect one in Sessions</span>}
        {bound.map((session) => (
          <label key={session.id} className="compose__inline">
            <input type="checkbox" checked={chosen.includes(session.id)} disabled={session.receiveOnly} onChange={(event) => toggle(session.id, event.target.checked)} />
            {session.profileName} · {session.smscSystemId ?? '?'}
            {session.receiveOnly ? ' · RX (receive only)' : ''}
          </label>
        ))}
      </fieldset>
      <p id={ids.window} className="hint">
        At most {formatCount(window)} in flight (the sessions&apos; windows); each session&apos;s own max submit rate and throttling back-off still apply.
      </p>
      <div className="operation__buttons">
        <button type="submit" disabled={blockedBy !== null || live || starting}>
          Start load
        </button>
        <button type="button" disabled={run?.state !== 'running'} onClick={() => void stopLoad()}>
          Stop load
        </button>
        {blockedBy !== null && !live && <span className="blocked">{blockedBy}</span>}
        {outcome.status === 'starting' && outcome.total > 0 && (
          <span className="muted">
            Sending the file: {formatCount(outcome.sent)} of {formatCount(outcome.total)} octets
          </span>
        )}
      </div>
      {outcome.status === 'failed' && (
        <p id={ids.error} className="alert" role="alert">
          {failedControl === 'composed' ? `${outcome.message} (from the message above)` : outcome.message}
        </p>
      )}
    </form>
  );
}
