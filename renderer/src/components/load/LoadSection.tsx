// Load, under the compose fields like Message options and Operations: a run of many messages at a rate, its live
// chart and its summary. Outside the compose form, so Enter in its inputs never sends the composed message. The
// summary line says a run is going even while the section is closed.
import type { DraftContent } from '../../../../shared/contract';
import { useConsole } from '../../store/console-context';
import type { BoundSession } from '../../compose/compose-session';
import { formatCount } from '../../format/display';
import { LoadChart } from './LoadChart';
import { LoadForm } from './LoadForm';
import { LoadSummary } from './LoadSummary';

interface LoadSectionProps {
  composed: DraftContent;
  optionsProblem: string | null;
  bound: readonly BoundSession[];
  composeSessionId: string;
}

export function LoadSection({ composed, optionsProblem, bound, composeSessionId }: LoadSectionProps) {
  const hasRun = useConsole((state) => state.loadRun !== null);
  const running = useConsole((state) => (state.loadRun?.state === 'running' ? state.loadRun.summary.sent : null));
  return (
    <details className="compose__section load">
      <summary>
        Load
        {running !== null && <span className="muted"> · running, {formatCount(running)} sent</span>}
      </summary>
      <LoadForm composed={composed} optionsProblem={optionsProblem} bound={bound} composeSessionId={composeSessionId} />
      {hasRun && (
        <div className="load__run">
          <LoadChart />
          <LoadSummary />
        </div>
      )}
    </details>
  );
}
