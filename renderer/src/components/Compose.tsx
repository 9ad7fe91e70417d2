// Compose region: one message by hand on a bound session, in as many parts as it needs. The live line under the
// text is planned by the same module core splits with; the text stays after sending because engineers resend.
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { DEFAULT_COMPOSE_OPTIONS, type ComposeOption, type ComposeOptions } from '../compose/compose-options';
import { planCompose } from '../compose/plan-line';
import { shortId } from '../format/display';
import { useConsole } from '../store/console-context';
import { EncodingOptions, type FieldAria } from './compose/EncodingOptions';
import { UnsupportedMarks } from './compose/UnsupportedMarks';
import { Region } from './Region';
import { SentTable } from './SentTable';

type DraftField = 'sourceAddr' | 'destinationAddr' | 'text';

/** The host may name a field as the SubmitDraft key or in SMPP's snake case (destination_addr). */
function sameField(named: string | null | undefined, field: string): boolean {
  return named != null && named.replaceAll('_', '').toLowerCase() === field.toLowerCase();
}

export function Compose() {
  const sessions = useConsole((state) => state.sessions);
  const submitting = useConsole((state) => state.submitting);
  const error = useConsole((state) => state.submitError);
  const submit = useConsole((state) => state.submit);
  const clearSubmitError = useConsole((state) => state.clearSubmitError);
  const ids = {
    session: useId(),
    source: useId(),
    destination: useId(),
    text: useId(),
    measure: useId(),
    unsupported: useId(),
    error: useId(),
  };

  const [chosenSessionId, setChosenSessionId] = useState('');
  const [draft, setDraft] = useState<Record<DraftField, string>>({ sourceAddr: '', destinationAddr: '', text: '' });
  // Newest first; until the user picks one (or when the picked one unbinds), the newest bound session is used.
  const bound = useMemo(() => sessions.filter((s) => s.state === 'bound').reverse(), [sessions]);
  const sessionId = bound.some((s) => s.id === chosenSessionId) ? chosenSessionId : (bound[0]?.id ?? '');
  const [options, setOptions] = useState<ComposeOptions>(DEFAULT_COMPOSE_OPTIONS);
  const planned = useMemo(() => planCompose(draft.text, options), [draft.text, options]);
  const { plan } = planned;
  // Why Send is disabled, said beside it rather than left for the user to guess.
  const blockedBy = sessionId === '' ? 'No bound session' : planned.blockedBy;
  const canSend = blockedBy === null && !submitting;
  const hasUnsupported = plan.unsupported.length > 0;

  // The error pointed at this input; once it changes, the mark would be stale.
  const clearErrorOn = (field: string) => {
    if (sameField(error?.field, field)) clearSubmitError();
  };
  const edit = (field: DraftField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    clearErrorOn(field);
  };
  const choose = <K extends ComposeOption>(option: K, value: ComposeOptions[K]) => {
    setOptions((current) => ({ ...current, [option]: value }));
    clearErrorOn(option);
  };
  const send = () => {
    if (canSend) void submit({ sessionId, ...draft, ...options });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };
  const invalid = (field: string) => sameField(error?.field, field);
  const describedBy = (field: string, ...others: string[]) =>
    [...others, ...(invalid(field) ? [ids.error] : [])].join(' ') || undefined;
  const fieldAria: FieldAria = (field, ...others) => ({
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby': describedBy(field, ...others),
  });

  return (
    <Region title="Compose" area="compose">
      <form className="compose" onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <label htmlFor={ids.session}>Session</label>
        <select
          id={ids.session}
          value={sessionId}
          onChange={(event) => setChosenSessionId(event.target.value)}
          aria-invalid={invalid('sessionId') || undefined}
          aria-describedby={describedBy('sessionId')}
        >
          {bound.length === 0 && <option value="">No bound session — connect one in Sessions</option>}
          {bound.map((session) => (
            <option key={session.id} value={session.id}>
              {session.profileName} · {session.smscSystemId ?? '?'} · {shortId(session.id)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.source}>Source address</label>
        <input
          id={ids.source}
          className="mono"
          value={draft.sourceAddr}
          onChange={(event) => edit('sourceAddr', event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('sourceAddr') || undefined}
          aria-describedby={describedBy('sourceAddr')}
        />
        <label htmlFor={ids.destination}>Destination address</label>
        <input
          id={ids.destination}
          className="mono"
          value={draft.destinationAddr}
          onChange={(event) => edit('destinationAddr', event.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('destinationAddr') || undefined}
          aria-describedby={describedBy('destinationAddr')}
        />
        <EncodingOptions options={options} onChange={choose} resolvedEncoding={plan.encoding} fieldAria={fieldAria} />
        <label htmlFor={ids.text}>Text</label>
        <textarea
          id={ids.text}
          rows={4}
          value={draft.text}
          onChange={(event) => edit('text', event.target.value)}
          aria-invalid={invalid('text') || planned.blockedBy !== null || undefined}
          aria-describedby={describedBy('text', ids.measure, ...(hasUnsupported ? [ids.unsupported] : []))}
        />
        <p id={ids.measure} className="measure" data-fits={planned.blockedBy === null}>
          {planned.line}
        </p>
        <UnsupportedMarks
          text={draft.text}
          unsupported={plan.unsupported}
          nationalLanguage={options.nationalLanguage}
          alertId={ids.unsupported}
        />
        <div className="compose__actions">
          <button type="submit" disabled={!canSend} aria-keyshortcuts="Control+Enter Meta+Enter">
            Send
          </button>
          <span className={blockedBy === null ? 'muted' : 'blocked'}>{blockedBy ?? 'Ctrl+Enter / ⌘+Enter'}</span>
        </div>
        {error !== null && (
          <p id={ids.error} className="alert" role="alert">
            {error.message}
          </p>
        )}
      </form>
      <SentTable />
    </Region>
  );
}
