// Operations on the session Compose has selected, for the moments an engineer pokes an SMSC rather than sends to
// it: an enquire_link now, the composed message as data_sm, query / cancel / replace of a message already at the SMSC, and a raw PDU. It sits
// outside the compose form so that Enter in one of its inputs never sends the composed message.
import { useLayoutEffect, useRef } from 'react';
import type { ComposeFields } from '../../compose/draft-content';
import { enquireLinkLine } from '../../compose/operation-lines';
import { useConsole } from '../../store/console-context';
import { DataSmSender } from './DataSmSender';
import { MessageOperations, type MessageRefDefaults } from './MessageOperations';
import { OperationOutcome } from './OperationOutcome';
import { RawPduSender } from './RawPduSender';

interface OperationsProps {
  /** '' when no session is bound. */
  sessionId: string;
  /** The compose fields, for the addresses query_sm and cancel_sm name a message by. */
  refDefaults: MessageRefDefaults;
  /** The compose fields as typed, for data_sm. */
  composed: ComposeFields;
}

export function Operations({ sessionId, refDefaults, composed }: OperationsProps) {
  const blockedBy = sessionId === '' ? 'No bound session' : null;
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const editRequests = useConsole((state) => state.rawPduEditRequests);
  // "Edit and resend" in the trace opens this section (layout effect: open before the raw PDU box takes focus).
  useLayoutEffect(() => {
    if (editRequests > 0 && detailsRef.current) detailsRef.current.open = true;
  }, [editRequests]);
  return (
    <details ref={detailsRef} className="compose__section operations">
      <summary>Operations</summary>
      {blockedBy !== null && <p className="blocked">{blockedBy}: these act on the session selected above.</p>}
      <EnquireLinkNow sessionId={sessionId} />
      <DataSmSender sessionId={sessionId} composed={composed} />
      <MessageOperations sessionId={sessionId} refDefaults={refDefaults} />
      <RawPduSender sessionId={sessionId} />
    </details>
  );
}

function EnquireLinkNow({ sessionId }: { sessionId: string }) {
  const outcome = useConsole((state) => state.enquireLinkOutcome);
  const run = useConsole((state) => state.runEnquireLink);
  return (
    <div className="operation">
      <button type="button" disabled={sessionId === '' || outcome.status === 'running'} onClick={() => void run(sessionId)}>
        Enquire link now
      </button>
      <OperationOutcome label="Enquire link result" outcome={outcome} describe={enquireLinkLine} awaiting="enquire_link_resp" />
    </div>
  );
}
