// Everything the Compose pane shows that is derived from its form (store: compose-slice.ts) and from the session it
// sends on: the plan of parts, the resolved message options, the live line, and why Send is blocked. It selects
// only what it uses — the bound sessions' ids, names and bind modes, the one profile's counting settings — so
// counters ticking on the sessions list four times a second do not re-render the form.
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { splitRecipients } from '../../../../shared/recipients';
import { boundSessionsOf, composeProfileSettings, composeSessionId } from '../../compose/compose-session';
import { draftContentOf } from '../../compose/draft-content';
import { resolveOptions } from '../../compose/options-form';
import { planCompose } from '../../compose/plan-line';
import { recipientsBlockedBy, recipientsPhrase } from '../../compose/recipients-line';
import { useConsole } from '../../store/console-context';
import { useShallowRows } from '../../store/use-shallow-rows';

export function useComposeModel() {
  const bound = useConsole(useShallowRows((state) => boundSessionsOf(state.sessions, state.profiles)));
  const form = useConsole((state) => state.composeForm);
  const submitting = useConsole((state) => state.submitting);
  // Newest first; until the user picks one (or when the picked one unbinds), the newest bound session that can
  // submit is used. A receiver (RX) bind is listed, marked, and cannot send: SMSCs refuse submit_sm on it.
  const sessionId = composeSessionId(bound, form.chosenSessionId);
  const selected = bound.find((s) => s.id === sessionId);
  const selectedProfileId = selected?.profileId ?? '';
  // Counted as core will send it: on this session's SMSC, data_coding 0 may mean Latin-1 or IA5 (its profile says).
  const profile = useConsole(useShallow((state) => composeProfileSettings(state.profiles, selected?.profileId)));
  // Long messages go as the session's profile says unless the user picks otherwise here: switching to a session
  // of another profile brings that profile's default back.
  const split = form.splitChoice?.profileId === selectedProfileId ? form.splitChoice.split : profile.defaultSplit;
  const options = useMemo(() => ({ ...form.options, split }), [form.options, split]);
  const { text, destinationAddr } = form.fields;
  const planned = useMemo(() => planCompose(text, options, profile.defaultAlphabet), [text, options, profile.defaultAlphabet]);
  const resolved = useMemo(() => resolveOptions(form.optionsForm), [form.optionsForm]);
  const recipients = useMemo(() => splitRecipients(destinationAddr), [destinationAddr]);
  // Several recipients go as the session's profile says: one submit_sm each, or submit_multi where it allows it.
  const recipientsNote = recipientsPhrase(recipients.length, planned.plan.parts, profile.submitMulti);
  const line = recipientsNote === null ? planned.line : `${planned.line} · ${recipientsNote}`;
  // Why Send is disabled, said beside it rather than left for the user to guess.
  const blockedBy =
    sessionId === ''
      ? 'No bound session'
      : selected?.receiveOnly
        ? `${selected.profileName} is bound as a receiver (RX): it cannot submit — choose a transmitter or transceiver session`
        : (planned.blockedBy ?? recipientsBlockedBy(recipients.length) ?? resolved.problems[0]?.message ?? null);
  // What Send sends and Save as template keeps: the same object, so a template is exactly a message that was ready.
  const content = useMemo(() => draftContentOf(form.fields, options, resolved.options), [form.fields, options, resolved.options]);
  return {
    bound,
    form,
    sessionId,
    selected,
    options,
    planned,
    resolved,
    recipients,
    line,
    blockedBy,
    canSend: blockedBy === null && !submitting,
    content,
  };
}
