// A raw PDU, typed or pasted as hex, put on the wire as it is — to reproduce what a misbehaving peer sent, or to
// see how an SMSC answers a malformed request. The console fills in a fresh sequence_number unless told to keep
// the typed one, so a pasted capture does not collide with the session's own requests.
import { useEffect, useId, useRef, useState } from 'react';
import { compactHex } from '../../compose/hex';
import { fieldMatches } from '../../compose/field-match';
import { describeRawHex, rawPduLine } from '../../compose/operation-lines';
import { useConsole } from '../../store/console-context';
import { OperationOutcome } from './OperationOutcome';

export function RawPduSender({ sessionId }: { sessionId: string }) {
  const outcome = useConsole((state) => state.rawPduOutcome);
  const run = useConsole((state) => state.runRawPdu);
  const ids = { hex: useId(), keep: useId(), about: useId(), alert: useId() };
  const typed = useConsole((state) => state.rawPduDraft);
  const setTyped = useConsole((state) => state.setRawPduDraft);
  const editRequests = useConsole((state) => state.rawPduEditRequests);
  const hexRef = useRef<HTMLTextAreaElement>(null);
  // "Edit and resend" from the trace: the octets are here now; put the cursor in them.
  useEffect(() => {
    if (editRequests > 0) hexRef.current?.focus();
  }, [editRequests]);
  const [keepSequenceNumber, setKeepSequenceNumber] = useState(false);
  const hex = compactHex(typed);
  const blamed = outcome.status === 'failed' && fieldMatches(outcome.field, 'hex');

  return (
    <fieldset className="operation operation--raw">
      <legend>Raw PDU</legend>
      <label htmlFor={ids.hex}>Raw PDU (hex)</label>
      <textarea
        ref={hexRef}
        id={ids.hex}
        rows={3}
        value={typed}
        placeholder="00000010 00000015 00000000 00000000"
        spellCheck={false}
        onChange={(event) => setTyped(event.target.value)}
        aria-invalid={blamed || undefined}
        aria-describedby={[ids.about, ...(blamed ? [ids.alert] : [])].join(' ')}
      />
      <p id={ids.about} className="hint">
        {describeRawHex(hex)}
      </p>
      <span className="compose__check">
        <input
          id={ids.keep}
          type="checkbox"
          checked={keepSequenceNumber}
          onChange={(event) => setKeepSequenceNumber(event.target.checked)}
        />
        <label htmlFor={ids.keep}>Keep the sequence number as typed</label>
      </span>
      <div className="operation__buttons">
        {/* Not "Send …": the compose pane's Send button is found by that name. */}
        <button
          type="button"
          disabled={sessionId === '' || hex === '' || outcome.status === 'running'}
          onClick={() => void run({ sessionId, hex, keepSequenceNumber })}
        >
          Transmit raw PDU
        </button>
      </div>
      <OperationOutcome
        label="Raw PDU result"
        outcome={outcome}
        describe={rawPduLine}
        awaiting="a response"
        alertId={ids.alert}
      />
    </fieldset>
  );
}
