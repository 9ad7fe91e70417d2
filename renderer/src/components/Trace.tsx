// Trace region: every PDU on the wire, newest at the bottom, with the selected one decoded below the list.
import { useConsole } from '../store/console-context';
import { PduCounter } from './PduCounter';
import { Region } from './Region';
import { TraceDetailPane } from './TraceDetailPane';
import { TraceGrid } from './TraceGrid';

export function Trace() {
  const followTail = useConsole((state) => state.followTail);
  const setFollowTail = useConsole((state) => state.setFollowTail);
  return (
    <Region
      title="Trace"
      area="trace"
      tools={
        <>
          <PduCounter />
          <button
            type="button"
            className="toggle"
            aria-pressed={followTail}
            title="Keep the newest PDU in view"
            onClick={() => setFollowTail(!followTail)}
          >
            Follow
          </button>
        </>
      }
    >
      <TraceGrid />
      <TraceDetailPane />
    </Region>
  );
}
