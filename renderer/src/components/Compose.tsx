// Compose region: one message by hand on a bound session (to one recipient or several), in as many parts as it
// needs, with every other submit_sm field under Message options, earlier drafts and the profile's templates to
// fill the form from, and session-level requests under Operations. The live line under the text is planned by
// the same modules core splits with; the text stays after sending because engineers resend.
import { type FormEvent, type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import type { DraftContent } from '../../../shared/contract';
import { splitRecipients } from '../../../shared/recipients';
import { DEFAULT_COMPOSE_OPTIONS, type ComposeOption, type ComposeOptions } from '../compose/compose-options';
import { composeStateOf, draftContentOf, EMPTY_FIELDS, type ComposeFields } from '../compose/draft-content';
import { isOptionsField } from '../compose/field-match';
import { DEFAULT_OPTIONS_FORM, optionField, resolveOptions, type OptionsForm, type OptionsFormKey } from '../compose/options-form';
import { planCompose } from '../compose/plan-line';
import { RECIPIENTS_HINT, recipientsBlockedBy, recipientsPhrase } from '../compose/recipients-line';
import { shortId } from '../format/display';
import { useConsole } from '../store/console-context';
import { EncodingOptions } from './compose/EncodingOptions';
import { fieldErrorMarks } from './compose/field-error-marks';
import { MessageOptions } from './compose/MessageOptions';
import { Operations } from './compose/Operations';
import { RecentDrafts } from './compose/RecentDrafts';
import { Templates } from './compose/Templates';
import { UnsupportedMarks } from './compose/UnsupportedMarks';
import { Region } from './Region';
import { SentTable } from './SentTable';

type DraftField = keyof ComposeFields;

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
    recipients: useId(),
    text: useId(),
    binary: useId(),
    measure: useId(),
    unsupported: useId(),
    error: useId(),
  };

  const [chosenSessionId, setChosenSessionId] = useState('');
  const [draft, setDraft] = useState<ComposeFields>(EMPTY_FIELDS);
  const textRef = useRef<HTMLTextAreaElement>(null);
  // Newest first; until the user picks one (or when the picked one unbinds), the newest bound session that can
  // submit is used. A receiver (RX) bind is listed, marked, and cannot send: SMSCs refuse submit_sm on it.
  const bound = useMemo(() => sessions.filter((s) => s.state === 'bound').reverse(), [sessions]);
  const receiveOnly = (profileId: string) => profiles.find((p) => p.id === profileId)?.bindMode === 'receiver';
  const sessionId = bound.some((s) => s.id === chosenSessionId)
    ? chosenSessionId
    : (bound.find((s) => !receiveOnly(s.profileId))?.id ?? bound[0]?.id ?? '');
  const [chosenOptions, setOptions] = useState<ComposeOptions>(DEFAULT_COMPOSE_OPTIONS);
  // The split method the user picked here, and for which profile; otherwise the session's profile default.
  const [splitChoice, setSplitChoice] = useState<{ profileId: string; split: ComposeOptions['split'] } | null>(null);
  const [optionsForm, setOptionsForm] = useState<OptionsForm>(DEFAULT_OPTIONS_FORM);
  const [optionsOpen, setOptionsOpen] = useState(false);
  // Counted as core will send it: on this session's SMSC, data_coding 0 may mean Latin-1 or IA5 (its profile says).
  const selected = bound.find((s) => s.id === sessionId);
  const defaultAlphabet = profiles.find((p) => p.id === selected?.profileId)?.defaultAlphabet ?? 'gsm7';
  const submitMulti = profiles.some((p) => p.id === selected?.profileId && p.submitMulti);
  // Long messages go as the session's profile says unless the user picks otherwise here: switching to a session
  // of another profile brings that profile's default back.
  const selectedProfileId = selected?.profileId ?? '';
  const defaultSplit = profiles.find((p) => p.id === selectedProfileId)?.defaultSplit ?? DEFAULT_COMPOSE_OPTIONS.split;
  const split = splitChoice?.profileId === selectedProfileId ? splitChoice.split : defaultSplit;
  const options = useMemo(() => ({ ...chosenOptions, split }), [chosenOptions, split]);
  const planned = useMemo(() => planCompose(draft.text, options, defaultAlphabet), [draft.text, options, defaultAlphabet]);
  const resolved = useMemo(() => resolveOptions(optionsForm), [optionsForm]);
  const recipients = useMemo(() => splitRecipients(draft.destinationAddr), [draft.destinationAddr]);
  const { plan } = planned;
  const binary = options.encoding === 'binary';
  // Several recipients go as the session's profile says: one submit_sm each, or submit_multi where it allows it.
  const recipientsNote = recipientsPhrase(recipients.length, plan.parts, submitMulti);
  const line = recipientsNote === null ? planned.line : `${planned.line} · ${recipientsNote}`;
  // Why Send is disabled, said beside it rather than left for the user to guess.
  const blockedBy =
    sessionId === ''
      ? 'No bound session'
      : selected && receiveOnly(selected.profileId)
        ? `${selected.profileName} is bound as a receiver (RX): it cannot submit — choose a transmitter or transceiver session`
        : (planned.blockedBy ?? recipientsBlockedBy(recipients.length) ?? resolved.problems[0]?.message ?? null);
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
    if (option === 'split') setSplitChoice({ profileId: selectedProfileId, split: value as ComposeOptions['split'] });
    else setOptions((current) => ({ ...current, [option]: value }));
    clearErrorOn(option);
  };
  const setOption = <K extends OptionsFormKey>(key: K, value: OptionsForm[K]) => {
    setOptionsForm((current) => ({ ...current, [key]: value }));
    clearErrorOn(optionField(key));
  };
  // What Send sends and Save as template keeps: the same object, so a template is exactly a message that was ready.
  const content = useMemo(() => draftContentOf(draft, options, resolved.options), [draft, options, resolved.options]);
  const send = () => {
    if (!canSend) return;
    void submit({ sessionId, ...content });
  };
  // A recalled draft or a used template replaces every field (the session stays); nothing is sent until Send.
  const recall = (saved: DraftContent) => {
    const next = composeStateOf(saved);
    setDraft(next.fields);
    setOptions(next.options);
    setSplitChoice({ profileId: selectedProfileId, split: next.options.split });
    setOptionsForm(next.optionsForm);
    clearSubmitError();
    // Into the text, where Ctrl+Enter sends it and a screen reader reads what came back.
    textRef.current?.focus();
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
              {receiveOnly(session.profileId) ? ' · RX (receive only)' : ''}
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
          {...fieldAria('destinationAddr', ids.recipients)}
        />
        <p id={ids.recipients} className="hint">
          {RECIPIENTS_HINT}
        </p>
        <EncodingOptions options={options} onChange={choose} resolvedEncoding={plan.encoding} fieldAria={fieldAria} />
        <label htmlFor={ids.text}>Text</label>
        <textarea
          id={ids.text}
          ref={textRef}
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
          {line}
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
      <RecentDrafts onRecall={recall} />
      <Templates
        profileId={selected?.profileId}
        profileName={selected?.profileName ?? ''}
        draft={content}
        unsaveable={resolved.problems[0]?.message ?? null}
        onUse={recall}
      />
      <Operations
        sessionId={sessionId}
        composed={draft}
        refDefaults={{
          sourceAddr: draft.sourceAddr,
          // cancel_sm names one destination: with several typed, the first (the line under message_id shows it).
          destinationAddr: recipients[0] ?? '',
          sourceAddrTon: optionsForm.sourceAddrTon,
          sourceAddrNpi: optionsForm.sourceAddrNpi,
          serviceType: optionsForm.serviceType,
        }}
      />
      <SentTable />
    </Region>
  );
}
