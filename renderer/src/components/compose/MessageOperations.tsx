// query_sm, cancel_sm and replace_sm of one message at the SMSC. The SMSC finds a message by its message_id
// and the source address it was sent from, so the addresses come from the sent message when the console knows
// it, else from the compose fields — and the line under the inputs says which, before anything is sent.
import { useId, useState } from 'react';
import { fieldMatches } from '../../compose/field-match';
import { messageOperationLine } from '../../compose/operation-lines';
import { useConsole } from '../../store/console-context';
import { OperationOutcome } from './OperationOutcome';

/** What Compose knows about the message being composed; used when the message_id is not one the console sent. */
export interface MessageRefDefaults {
  sourceAddr: string;
  destinationAddr: string;
  sourceAddrTon: number;
  sourceAddrNpi: number;
  serviceType: string;
}

interface MessageOperationsProps {
  sessionId: string;
  refDefaults: MessageRefDefaults;
}

export function MessageOperations({ sessionId, refDefaults }: MessageOperationsProps) {
  const messages = useConsole((state) => state.messages);
  const outcome = useConsole((state) => state.messageOperationOutcome);
  const runQuerySm = useConsole((state) => state.runQuerySm);
  const runCancelSm = useConsole((state) => state.runCancelSm);
  const runReplaceSm = useConsole((state) => state.runReplaceSm);
  const ids = { smscMessageId: useId(), replacement: useId(), source: useId(), alert: useId() };
  // null until the user types: the field follows the newest sent message's id until then, never after.
  const [typedId, setTypedId] = useState<string | null>(null);
  const [replacement, setReplacement] = useState('');

  // messages are newest first.
  const newestId = messages.find((m) => m.sessionId === sessionId && m.smscMessageId !== null)?.smscMessageId ?? '';
  const smscMessageId = typedId ?? newestId;
  const sent = smscMessageId === '' ? undefined : messages.find((m) => m.sessionId === sessionId && m.smscMessageId === smscMessageId);
  const sourceAddr = sent?.sourceAddr ?? refDefaults.sourceAddr;
  const destinationAddr = sent?.destinationAddr ?? refDefaults.destinationAddr;
  const ref = {
    sessionId,
    smscMessageId: smscMessageId.trim(),
    sourceAddr,
    ...(refDefaults.sourceAddrTon !== 0 ? { sourceAddrTon: refDefaults.sourceAddrTon } : {}),
    ...(refDefaults.sourceAddrNpi !== 0 ? { sourceAddrNpi: refDefaults.sourceAddrNpi } : {}),
  };

  const failedField = outcome.status === 'failed' ? outcome.field : null;
  const aria = (field: string, ...describedBy: string[]) => {
    const blamed = fieldMatches(failedField, field);
    return {
      'aria-invalid': blamed || undefined,
      'aria-describedby': [...describedBy, ...(blamed ? [ids.alert] : [])].join(' ') || undefined,
    };
  };
  const disabled = sessionId === '' || ref.smscMessageId === '' || outcome.status === 'running';

  return (
    <fieldset className="operation operation--message">
      <legend>Query / cancel / replace</legend>
      <label htmlFor={ids.smscMessageId}>message_id</label>
      <input
        id={ids.smscMessageId}
        className="mono"
        value={smscMessageId}
        placeholder="from submit_sm_resp"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setTypedId(event.target.value)}
        // Emptied and left: follow the newest sent message again.
        onBlur={() => typedId === '' && setTypedId(null)}
        {...aria('smscMessageId', ids.source)}
      />
      <p id={ids.source} className="hint">
        source_addr {sourceAddr === '' ? '(empty)' : sourceAddr} · destination_addr{' '}
        {destinationAddr === '' ? '(empty)' : destinationAddr} — from{' '}
        {sent ? 'the sent message' : 'the compose fields'}
      </p>
      <div className="operation__buttons">
        <button type="button" disabled={disabled} onClick={() => void runQuerySm(ref)}>
          Query
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            void runCancelSm({
              ...ref,
              destinationAddr,
              ...(refDefaults.serviceType !== '' ? { serviceType: refDefaults.serviceType } : {}),
            })
          }
        >
          Cancel message
        </button>
      </div>
      {/* Not named with the word "text": people and tests find the compose Text box by that label. */}
      <label htmlFor={ids.replacement}>Replacement message</label>
      <input
        id={ids.replacement}
        value={replacement}
        autoComplete="off"
        onChange={(event) => setReplacement(event.target.value)}
        {...aria('text')}
      />
      <div className="operation__buttons">
        <button type="button" disabled={disabled} onClick={() => void runReplaceSm({ ...ref, text: replacement })}>
          Replace text
        </button>
      </div>
      <OperationOutcome
        label="Query / cancel / replace result"
        outcome={outcome}
        describe={messageOperationLine}
        awaiting="the response"
        alertId={ids.alert}
      />
    </fieldset>
  );
}
