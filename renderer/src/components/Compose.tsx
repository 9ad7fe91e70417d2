// Compose region: one message by hand on a bound session, in as many parts as it needs, with every other
// submit_sm field under Message options and session-level requests under Operations. The live line under the
// text is planned by the same module core splits with; the text stays after sending because engineers resend.
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { DEFAULT_COMPOSE_OPTIONS, type ComposeOption, type ComposeOptions } from '../compose/compose-options';
import { isOptionsField } from '../compose/field-match';
import { DEFAULT_OPTIONS_FORM, optionField, resolveOptions, type OptionsForm, type OptionsFormKey } from '../compose/options-form';
import { planCompose } from '../compose/plan-line';
import { shortId } from '../format/display';
import { useConsole } from '../store/console-context';
import { EncodingOptions } from './compose/EncodingOptions';
import { fieldErrorMarks } from './compose/field-error-marks';
import { MessageOptions } from './compose/MessageOptions';
import { Operations } from './compose/Operations';
import { UnsupportedMarks } from './compose/UnsupportedMarks';
import { Region } from './Region';
import { SentTable } from './SentTable';

type DraftField = 'sourceAddr' | 'destinationAddr' | 'text';

export function Compose() {
  const sessions = useConsole((state) => state.sessions);
  const submitting = useConsole((state) => state.submitting);
  const error = useConsole((state) => state.submitError);
  const submit = useConsole((state) => state.submit);
  const clearSubmitError = useConsole((state) => state.clearSubmitError);
  const profiles = useConsole((state) => state.profiles);
  const ids = {
    session: useId(),
    source: useId(),
    destination: useId(),
    text: useId(),
    binary: useId(),
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
  const [optionsForm, setOptionsForm] = useState<OptionsForm>(DEFAULT_OPTIONS_FORM);
  const [optionsOpen, setOptionsOpen] = useState(false);
  // Counted as core will send it: on this session's SMSC, data_coding 0 may mean Latin-1 or IA5 (its profile says).
  const profileId = bound.find((s) => s.id === sessionId)?.profileId;
  const defaultAlphabet = profiles.find((p) => p.id === profileId)?.defaultAlphabet ?? 'gsm7';
  const planned = useMemo(() => planCompose(draft.text, options, defaultAlphabet), [draft.text, options, defaultAlphabet]);
  const resolved = useMemo(() => resolveOptions(optionsForm), [optionsForm]);
  const { plan } = planned;
  const binary = options.encoding === 'binary';
  // Why Send is disabled, said beside it rather than left for the user to guess.
  const blockedBy = sessionId === '' ? 'No bound session' : (planned.blockedBy ?? resolved.problems[0]?.message ?? null);
  const canSend = blockedBy === null && !submitting;
  const hasUnsupported = plan.unsupported.length > 0;
  const { fieldAria, invalid, clearErrorOn } = fieldErrorMarks(error, resolved.problems, ids.error, clearSubmitError);

  // An error naming a message option opens that section, once per error, so its marked control is in view.
  const [shownError, setShownError] = useState(error);
  if (error !== shownError) {
    setShownError(error);
    if (isOptionsField(error?.field)) setOptionsOpen(true);
  }

  const edit = (field: DraftField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    clearErrorOn(field);
  };
  const choose = <K extends ComposeOption>(option: K, value: ComposeOptions[K]) => {
    setOptions((current) => ({ ...current, [option]: value }));
    clearErrorOn(option);
  };
  const setOption = <K extends OptionsFormKey>(key: K, value: OptionsForm[K]) => {
    setOptionsForm((current) => ({ ...current, [key]: value }));
    clearErrorOn(optionField(key));
  };
  const send = () => {
    if (!canSend) return;
    void submit({ sessionId, ...draft, ...options, ...(resolved.options ? { options: resolved.options } : {}) });
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
  const textDescribedBy = [...(binary ? [ids.binary] : []), ids.measure, ...(hasUnsupported ? [ids.unsupported] : [])];

  return (
    <Region title="Compose" area="compose">
      <form className="compose" onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <label htmlFor={ids.session}>Session</label>
        <select id={ids.session} value={sessionId} onChange={(event) => setChosenSessionId(event.target.value)} {...fieldAria('sessionId')}>
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
          {...fieldAria('sourceAddr')}
        />
        <label htmlFor={ids.destination}>Destination address</label>
        <input
          id={ids.destination}
          className="mono"
          value={draft.destinationAddr}
          onChange={(event) => edit('destinationAddr', event.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...fieldAria('destinationAddr')}
        />
        <EncodingOptions options={options} onChange={choose} resolvedEncoding={plan.encoding} fieldAria={fieldAria} />
        <label htmlFor={ids.text}>Text</label>
        <textarea
          id={ids.text}
          rows={4}
          value={draft.text}
          onChange={(event) => edit('text', event.target.value)}
          spellCheck={!binary}
          {...fieldAria('text', ...textDescribedBy)}
          aria-invalid={invalid('text') || planned.blockedBy !== null || undefined}
        />
        {binary && (
          <p id={ids.binary} className="hint">
            8-bit binary: type the octets as hex, e.g. 48 65 6c 6c 6f (whitespace is ignored).
          </p>
        )}
        <p id={ids.measure} className="measure" data-fits={planned.blockedBy === null}>
          {planned.line}
        </p>
        <UnsupportedMarks
          text={draft.text}
          unsupported={plan.unsupported}
          nationalLanguage={options.nationalLanguage}
          charset={planned.charset}
          alertId={ids.unsupported}
        />
        <MessageOptions
          form={optionsForm}
          onChange={setOption}
          fieldAria={fieldAria}
          changed={resolved.changed}
          open={optionsOpen}
          onToggle={setOptionsOpen}
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
      <Operations
        sessionId={sessionId}
        refDefaults={{
          sourceAddr: draft.sourceAddr,
          destinationAddr: draft.destinationAddr,
          sourceAddrTon: optionsForm.sourceAddrTon,
          sourceAddrNpi: optionsForm.sourceAddrNpi,
          serviceType: optionsForm.serviceType,
        }}
      />
      <SentTable />
    </Region>
  );
}
