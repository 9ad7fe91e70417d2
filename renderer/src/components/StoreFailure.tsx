// What a user must know while the database refuses writes: since when and why, what waits in memory, what the
// SMSC was asked to send again, and what (if anything) could not be kept. Shown only once retries have gone on
// long enough to matter ('failing'); a brief hiccup stays in the log.
import { formatClock, formatCount } from '../format/display';
import { useConsole } from '../store/console-context';

export function StoreFailure() {
  const health = useConsole((state) => state.storeHealth);
  if (!health || health.state !== 'failing') return null;
  return (
    <p>
      <strong>The database is not taking writes</strong>
      {health.since !== null && ` since ${formatClock(health.since)}`}
      {health.lastError && ` (${health.lastError})`}. Retrying. {formatCount(health.unsavedTraceRecords)} trace records
      wait in memory; {formatCount(health.deferredDeliveries)} deliver_sm answered ESME_RX_T_APPN, so the SMSC sends them
      again
      {health.droppedTraceRecords > 0 && `; ${formatCount(health.droppedTraceRecords)} trace records could not be kept`}.
      Details are in the log in the data folder.
    </p>
  );
}
