// Load, under the compose fields like Message options and Operations: a run of many messages at a rate, its live
// chart and its summary. Outside the compose form, so Enter in its inputs never sends the composed message. The
// summary line says a run is going even while the section is closed.
import { useConsole } from '../../store/console-context';
import type { BoundSession } from '../../compose/compose-session';
import { formatCount } from '../../format/display';
import { LoadChart } from './LoadChart';
import { LoadForm, type ComposedForLoad } from './LoadForm';
import { LoadSummary } from './LoadSummary';

interface LoadSectionProps {
  composed: ComposedForLoad;
  bound: readonly BoundSession[];
  composeSessionId: string;
}

export function LoadSection({ composed, bound, composeSessionId }: LoadSectionProps) {
  const hasRun = useConsole((state) => state.loadRun !== null);
  const running = useConsole((state) => (state.loadRun?.state === 'running' ? state.loadRun.summary.sent : null));
  return (
    <details className="compose__section load">
      <summary>
        Load
        {running !== null && <span className="muted"> · running, {formatCount(running)} sent</span>}
      </summary>
      <LoadForm composed={composed} bound={bound} composeSessionId={composeSessionId} />
      {hasRun && (
        <div className="load__run">
          <LoadChart />
          <LoadSummary />
        </div>
      )}
    </details>
  );
}
