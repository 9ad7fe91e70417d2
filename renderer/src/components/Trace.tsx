// Trace region: every PDU on the wire as a view over the stored trace — filtered, counted, newest at the bottom —
// with the selected one decoded below the list, or beside it when the pane is wide enough for both (trace.css
// decides by the pane's own width, so collapsing the left column or widening the window both count).
import { formatCount } from '../format/display';
import { DecodeButton } from './DecodeDialog';
import { ExportButton } from './ExportDialog';
import { ImportButton } from './ImportDialog';
import { useConsole } from '../store/console-context';
import { Region } from './Region';
import { TraceDetailPane } from './TraceDetailPane';
import { TraceFilterBar } from './TraceFilterBar';
import { TraceGrid } from './TraceGrid';

export function Trace() {
  const followTail = useConsole((state) => state.followTail);
  const setFollowTail = useConsole((state) => state.setFollowTail);
  const sort = useConsole((state) => state.traceSort);
  return (
    <Region
      title="Trace"
      area="trace"
      pane="trace"
      tools={
        <>
          <NewRows />
          <DecodeButton />
          <ImportButton />
          <ExportButton />
          <button
            type="button"
            className="toggle"
            aria-pressed={followTail}
            disabled={sort !== 'time'}
            title={sort === 'time' ? 'Keep the newest PDU in view' : 'Sorted by round trip: no tail to follow'}
            onClick={() => setFollowTail(!followTail)}
          >
            Follow
          </button>
        </>
      }
    >
      <div className="trace-layout">
        <TraceFilterBar />
        <TraceGrid />
        <TraceDetailPane />
      </div>
    </Region>
  );
}

/** "N new ↓" while not following: how many rows joined the view, and the way back to the tail. */
function NewRows() {
  const newRows = useConsole((state) => state.newRows);
  const followTail = useConsole((state) => state.followTail);
  const setFollowTail = useConsole((state) => state.setFollowTail);
  const scrollTo = useConsole((state) => state.scrollToTail);
  if (followTail || newRows === 0) return null;
  return (
    <button
      type="button"
      onClick={() => {
        setFollowTail(true);
        scrollTo();
      }}
    >
      {formatCount(newRows)} new ↓
    </button>
  );
}
