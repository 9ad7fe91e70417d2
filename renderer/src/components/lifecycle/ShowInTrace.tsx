// A step's link to the PDU it was captured in: closes the timeline and selects that row in the Trace. Named after
// the step, so a list of them reads "Show submit_sm of part 2 in the trace", not "Show" ten times.
import { useConsole } from '../../store/console-context';

export function ShowInTrace({ traceId, what }: { traceId: number | null; what: string }) {
  const goToTraceRow = useConsole((state) => state.goToTraceRow);
  const close = useConsole((state) => state.closeLifecycle);
  if (traceId === null) return <span className="muted" title="The trace does not hold this PDU (pruned, or captured before this run kept links)">not in trace</span>;
  return (
    <button
      type="button"
      className="link"
      aria-label={`Show ${what} in the trace`}
      onClick={() => {
        close();
        void goToTraceRow(traceId);
      }}
    >
      trace #{traceId}
    </button>
  );
}
