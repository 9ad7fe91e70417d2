// Compose region: one short message by hand on a bound session. The live line under the text is measured by
// the same codec core encodes with; the text stays after sending because engineers resend.
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { measureText } from '../../../shared/text-codec';
import { describeMeasure } from '../compose/describe-measure';
import { shortId } from '../format/display';
import { useConsole } from '../store/console-context';
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
    error: useId(),
  };

  const [chosenSessionId, setChosenSessionId] = useState('');
  const [draft, setDraft] = useState<Record<DraftField, string>>({ sourceAddr: '', destinationAddr: '', text: '' });
  // Newest first; until the user picks one (or when the picked one unbinds), the newest bound session is used.
  const bound = useMemo(() => sessions.filter((s) => s.state === 'bound').reverse(), [sessions]);
  const sessionId = bound.some((s) => s.id === chosenSessionId) ? chosenSessionId : (bound[0]?.id ?? '');
  const measure = useMemo(() => measureText(draft.text), [draft.text]);
  const canSend = sessionId !== '' && measure.fitsOnePart && !submitting;
  // Why Send is disabled, said beside it rather than left for the user to guess.
  const blockedBy =
    sessionId === '' ? 'No bound session' : !measure.fitsOnePart ? 'Too long for one part' : null;

  const edit = (field: DraftField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    // The error pointed at this input; once it changes, the mark would be stale.
    if (sameField(error?.field, field)) clearSubmitError();
  };
  const send = () => {
    if (canSend) void submit({ sessionId, ...draft });
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
        <label htmlFor={ids.text}>Text</label>
        <textarea
          id={ids.text}
          rows={4}
          value={draft.text}
          onChange={(event) => edit('text', event.target.value)}
          aria-invalid={invalid('text') || !measure.fitsOnePart || undefined}
          aria-describedby={describedBy('text', ids.measure)}
        />
        <p id={ids.measure} className="measure" data-fits={measure.fitsOnePart}>
          {describeMeasure(measure)}
        </p>
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
