// Where an operation's outcome is said: a status line that is always in the page (so a screen reader hears it
// change), and an alert beside it only while the last attempt failed.
import type { Outcome } from '../../store/operations-slice';

interface OperationOutcomeProps<T> {
  /** Names the status line: several operations sit side by side. */
  label: string;
  outcome: Outcome<T>;
  describe: (value: T) => string;
  /** What is awaited while the request is out, e.g. "enquire_link_resp". */
  awaiting: string;
  /** The alert's id, for aria-describedby on the control the failure names. */
  alertId?: string;
}

export function OperationOutcome<T>({ label, outcome, describe, awaiting, alertId }: OperationOutcomeProps<T>) {
  return (
    <>
      <p role="status" aria-label={label} className="operation__result mono">
        {outcome.status === 'running' && `Waiting for ${awaiting}…`}
        {outcome.status === 'done' && describe(outcome.value)}
      </p>
      {outcome.status === 'failed' && (
        <p id={alertId} role="alert" className="alert">
          {outcome.message}
        </p>
      )}
    </>
  );
}
