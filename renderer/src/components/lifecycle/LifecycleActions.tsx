// What can be done with a sent message from its timeline: query_sm, cancel_sm and replace_sm of one part (each part
// has its own message_id), named as the original was sent — its source address, TON/NPI, and for cancel_sm its
// destination and service_type — and "Re-send as a new draft", which fills Compose from the message's draft.
import { useId, useState } from 'react';
import type { MessageLifecycle, MessageRef } from '../../../../shared/contract';
import { messageOperationLine } from '../../compose/operation-lines';
import { boundSessionsOf } from '../../compose/compose-session';
import { shortId } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { useShallowRows } from '../../store/use-shallow-rows';
import { OperationOutcome } from '../compose/OperationOutcome';

export function LifecycleActions({ story }: { story: MessageLifecycle }) {
  const { message, draft, parts } = story;
  const ids = { part: useId(), session: useId(), replacement: useId(), alert: useId() };
  const accepted = parts.filter((p) => p.response?.smscMessageId);
  const [seq, setSeq] = useState(accepted[0]?.seq ?? 1);
  const [replacement, setReplacement] = useState('');
  // Only what this renders: bound sessions that can send (not RX), as id/name pairs — not the whole list, which
  // changes with every counter tick under traffic.
  const bound = useConsole(useShallowRows((state) => boundSessionsOf(state.sessions, state.profiles)));
  const sessions = bound.filter((s) => !s.receiveOnly);
  const [chosenSession, setChosenSession] = useState<string | null>(null);
  const sessionId = chosenSession ?? (sessions.find((s) => s.id === message.sessionId) ?? sessions[0])?.id ?? '';
  const outcome = useConsole((state) => state.messageOperationOutcome);
  const runQuerySm = useConsole((state) => state.runQuerySm);
  const runCancelSm = useConsole((state) => state.runCancelSm);
  const runReplaceSm = useConsole((state) => state.runReplaceSm);
  const startDraft = useConsole((state) => state.startDraft);
  const close = useConsole((state) => state.closeLifecycle);

  const options = draft?.options ?? {};
  const smscMessageId = parts.find((p) => p.seq === seq)?.response?.smscMessageId ?? '';
  const ref: MessageRef = {
    sessionId, smscMessageId, sourceAddr: message.sourceAddr,
    ...(options.sourceAddrTon !== undefined ? { sourceAddrTon: options.sourceAddrTon } : {}),
    ...(options.sourceAddrNpi !== undefined ? { sourceAddrNpi: options.sourceAddrNpi } : {}),
  };
  const disabled = sessionId === '' || smscMessageId === '' || outcome.status === 'running';
  const why = sessionId === '' ? 'No bound transmitter or transceiver session: bind one to query, cancel or replace.' : smscMessageId === '' ? 'No part has a message_id from the SMSC: there is nothing to name at the SMSC.' : null;

  return (
    <fieldset className="lifecycle__actions">
      <legend>At the SMSC</legend>
      {parts.length > 1 && (
        <>
          <label htmlFor={ids.part}>Part</label>
          <select id={ids.part} value={seq} onChange={(event) => setSeq(Number(event.target.value))}>
            {parts.map((p) => (
              <option key={p.seq} value={p.seq} disabled={!p.response?.smscMessageId}>
                {p.seq} — {p.response?.smscMessageId ?? 'no message_id'}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={ids.session}>Send on</label>
      <select id={ids.session} value={sessionId} onChange={(event) => setChosenSession(event.target.value)}>
        {sessions.length === 0 && <option value="">no bound session</option>}
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {s.profileName} ({shortId(s.id)})
          </option>
        ))}
      </select>
      {why !== null && <p className="hint">{why}</p>}
      <div className="operation__buttons">
        <button type="button" disabled={disabled} onClick={() => void runQuerySm(ref)}>
          query_sm
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => void runCancelSm({ ...ref, destinationAddr: message.destinationAddr, ...(options.serviceType ? { serviceType: options.serviceType } : {}) })}
        >
          cancel_sm
        </button>
      </div>
      <label htmlFor={ids.replacement}>Replacement message</label>
      <input id={ids.replacement} value={replacement} autoComplete="off" onChange={(event) => setReplacement(event.target.value)} />
      <div className="operation__buttons">
        <button type="button" disabled={disabled} onClick={() => void runReplaceSm({ ...ref, text: replacement })}>
          replace_sm
        </button>
        <button
          type="button"
          disabled={draft === null}
          title={draft === null ? 'Sent before the console kept drafts with messages' : undefined}
          onClick={() => {
            if (draft === null) return;
            close();
            startDraft(draft, message.sessionId);
          }}
        >
          Re-send as a new draft
        </button>
      </div>
      <OperationOutcome label="Timeline operation result" outcome={outcome} describe={messageOperationLine} awaiting="the response" alertId={ids.alert} />
    </fieldset>
  );
}
