// data_sm with what Compose holds: some SMSCs (and some of their bugs) only show with data_sm, and retyping the
// addresses to try it would be a chance to get them wrong. The main side puts the text in message_payload and
// picks GSM 03.38 or UCS-2 itself, so the compose encoding, long-message method and options do not apply — the
// line under the button says so, and which single recipient it goes to, before anything is sent.
import { useId } from 'react';
import { splitRecipients } from '../../../../shared/recipients';
import type { ComposeFields } from '../../compose/draft-content';
import { dataSmLine } from '../../compose/operation-lines';
import { useConsole } from '../../store/console-context';
import { OperationOutcome } from './OperationOutcome';

interface DataSmSenderProps {
  sessionId: string;
  composed: ComposeFields;
}

export function DataSmSender({ sessionId, composed }: DataSmSenderProps) {
  const outcome = useConsole((state) => state.dataSmOutcome);
  const run = useConsole((state) => state.runDataSm);
  const ids = { about: useId(), alert: useId() };
  const recipients = splitRecipients(composed.destinationAddr);
  const first = recipients[0] ?? '';
  const source = composed.sourceAddr === '' ? '(empty)' : composed.sourceAddr;
  const about =
    first === ''
      ? 'Sends the compose text as one data_sm once a destination address is typed above.'
      : `One data_sm from ${source} to ${first}` +
        (recipients.length > 1 ? ` (the first recipient only, not the other ${recipients.length - 1})` : '') +
        ': the compose text in message_payload, GSM 03.38 when it fits, else UCS-2; the encoding and submit_sm options above are not used.';

  return (
    <fieldset className="operation">
      <legend>data_sm</legend>
      <div className="operation__buttons">
        {/* Named as asked for, though it starts with "Send": the compose Send button is looked up by its exact
            name, and this one is hidden while Operations is closed. */}
        <button
          type="button"
          disabled={sessionId === '' || first === '' || outcome.status === 'running'}
          onClick={() => void run({ sessionId, sourceAddr: composed.sourceAddr, destinationAddr: first, text: composed.text })}
          aria-describedby={ids.about}
        >
          Send as data_sm
        </button>
      </div>
      <p id={ids.about} className="hint">
        {about}
      </p>
      <OperationOutcome label="data_sm result" outcome={outcome} describe={dataSmLine} awaiting="data_sm_resp" alertId={ids.alert} />
    </fieldset>
  );
}
