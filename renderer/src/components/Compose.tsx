// Compose region: one message by hand on a bound session (to one recipient or several), in as many parts as it
// needs, with every other submit_sm field under Message options, earlier drafts and the profile's templates to
// fill the form from, and session-level requests under Operations. The live line under the text is planned by
// the same modules core splits with; the text stays after sending because engineers resend. The form's state is the
// store's (compose-slice.ts), so a collapsed pane keeps it and startDraft can fill it from elsewhere.
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { ComposeOption, ComposeOptions } from '../compose/compose-options';
import type { ComposeFields } from '../compose/draft-content';
import { isOptionsField } from '../compose/field-match';
import { optionField, type OptionsForm, type OptionsFormKey } from '../compose/options-form';
import { RECIPIENTS_HINT } from '../compose/recipients-line';
import { shortId } from '../format/display';
import { useConsole } from '../store/console-context';
import { ComposeActionBar } from './compose/ComposeActionBar';
import { EncodingOptions } from './compose/EncodingOptions';
import { fieldErrorMarks } from './compose/field-error-marks';
import { MessageOptions } from './compose/MessageOptions';
import { Operations } from './compose/Operations';
import { RecentDrafts } from './compose/RecentDrafts';
import { Templates } from './compose/Templates';
import { UnsupportedMarks } from './compose/UnsupportedMarks';
import { useComposeModel } from './compose/use-compose-model';
import { LoadSection } from './load/LoadSection';
import { Region } from './Region';

export function Compose() {
  const { bound, form, sessionId, selected, options, planned, resolved, recipients, line, blockedBy, canSend, content } = useComposeModel();
  const error = useConsole((state) => state.submitError);
  const submit = useConsole((state) => state.submit);
  const clearSubmitError = useConsole((state) => state.clearSubmitError);
  const setSession = useConsole((state) => state.setComposeSession);
  const setField = useConsole((state) => state.setComposeField);
  const setComposeOption = useConsole((state) => state.setComposeOption);
  const setMessageOption = useConsole((state) => state.setMessageOption);
  const loadDraft = useConsole((state) => state.loadDraft);
  const focusRequests = useConsole((state) => state.composeFocusRequests);
  const ids = {
    form: useId(),
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
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const { plan } = planned;
  const binary = options.encoding === 'binary';
  const hasUnsupported = plan.unsupported.length > 0;
  const { fieldAria, invalid, clearErrorOn } = fieldErrorMarks(error, resolved.problems, ids.error, clearSubmitError);

  // An error naming a message option opens that section, once per error, so its marked control is in view.
  const [shownError, setShownError] = useState(error);
  if (error !== shownError) {
    setShownError(error);
    if (isOptionsField(error?.field)) setOptionsOpen(true);
  }

  // A draft recalled here or started elsewhere (startDraft): the text in view and focused, where Ctrl+Enter sends it
  // and a screen reader reads what came back. Runs after the render that expanded the pane, if it was collapsed.
  useEffect(() => {
    if (focusRequests > 0) textRef.current?.focus();
  }, [focusRequests]);

  const edit = (field: keyof ComposeFields, value: string) => {
    setField(field, value);
    clearErrorOn(field);
  };
  const choose = <K extends ComposeOption>(option: K, value: ComposeOptions[K]) => {
    setComposeOption(option, value);
    clearErrorOn(option);
  };
  const setOption = <K extends OptionsFormKey>(key: K, value: OptionsForm[K]) => {
    setMessageOption(key, value);
    clearErrorOn(optionField(key));
  };
  const send = () => {
    if (!canSend) return;
    void submit({ sessionId, ...content });
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
    <Region
      title="Compose"
      area="compose"
      pane="compose"
      footer={<ComposeActionBar formId={ids.form} canSend={canSend} blockedBy={blockedBy} error={error} errorId={ids.error} />}
    >
      <form id={ids.form} className="compose" onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <label htmlFor={ids.session}>Session</label>
        <select id={ids.session} value={sessionId} onChange={(event) => setSession(event.target.value)} {...fieldAria('sessionId')}>
          {bound.length === 0 && <option value="">No bound session — connect one in Sessions</option>}
          {bound.map((session) => (
            <option key={session.id} value={session.id}>
              {session.profileName} · {session.smscSystemId ?? '?'} · {shortId(session.id)}
              {session.receiveOnly ? ' · RX (receive only)' : ''}
            </option>
          ))}
        </select>
        <label htmlFor={ids.source}>Source address</label>
        <input
          id={ids.source}
          className="mono"
          value={form.fields.sourceAddr}
          onChange={(event) => edit('sourceAddr', event.target.value)}
          autoComplete="off"
          spellCheck={false}
          {...fieldAria('sourceAddr')}
        />
        <label htmlFor={ids.destination}>Destination address</label>
        <input
          id={ids.destination}
          className="mono"
          value={form.fields.destinationAddr}
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
          value={form.fields.text}
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
          text={form.fields.text}
          unsupported={plan.unsupported}
          nationalLanguage={options.nationalLanguage}
          charset={planned.charset}
          alertId={ids.unsupported}
        />
        <MessageOptions
          form={form.optionsForm}
          onChange={setOption}
          fieldAria={fieldAria}
          changed={resolved.changed}
          open={optionsOpen}
          onToggle={setOptionsOpen}
        />
      </form>
      <RecentDrafts onRecall={loadDraft} />
      <Templates
        profileId={selected?.profileId}
        profileName={selected?.profileName ?? ''}
        draft={content}
        unsaveable={resolved.problems[0]?.message ?? null}
        onUse={loadDraft}
      />
      <LoadSection
        composed={content}
        optionsProblem={resolved.problems[0]?.message ?? null}
        bound={bound}
        composeSessionId={sessionId}
      />
      <Operations
        sessionId={sessionId}
        composed={form.fields}
        refDefaults={{
          sourceAddr: form.fields.sourceAddr,
          // cancel_sm names one destination: with several typed, the first (the line under message_id shows it).
          destinationAddr: recipients[0] ?? '',
          sourceAddrTon: form.optionsForm.sourceAddrTon,
          sourceAddrNpi: form.optionsForm.sourceAddrNpi,
          serviceType: form.optionsForm.serviceType,
        }}
      />
    </Region>
  );
}
