// How the trace names sessions (trace/session-labels.ts), for a component that lists or names them. It selects the
// live sessions' ids and profile names only, so counters ticking on the sessions list four times a second do not
// re-render it.
import { useMemo } from 'react';
import { sessionLabels, type SessionLabel } from '../trace/session-labels';
import { useConsole } from './console-context';
import { useShallowRows } from './use-shallow-rows';

export function useSessionLabels(): ReadonlyMap<string, SessionLabel> {
  const live = useConsole(useShallowRows((state) => state.sessions.map((s) => ({ id: s.id, profileName: s.profileName }))));
  const stored = useConsole((state) => state.traceSessions);
  return useMemo(() => sessionLabels(live, stored), [live, stored]);
}
