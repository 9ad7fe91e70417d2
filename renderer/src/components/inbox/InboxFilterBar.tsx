// The Inbox's filter bar: session (by default whichever the Sessions region scopes to), kind, stat, number (a prefix
// when it ends in *), text and unread only. Parts combine; typed parts apply after a pause in typing, choices at
// once. Bad input is named with its limit here, before it is sent (the host checks the same limits).
import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { receiptStats, type InboxFilter, type InboxKind, type ReceiptStat } from '../../../../shared/contract';
import { useConsole } from '../../store/console-context';
import type { InboxSessionPick } from '../../store/inbox-slice';
import { useSessionLabels } from '../../store/use-session-labels';
import { sessionName } from '../../trace/session-labels';

const TYPING_PAUSE_MS = 300;
/** The host's limits (payload-schemas.ts), named the same way. */
const NUMBER_MAX = 21;
const TEXT_MAX = 200;

interface Draft {
  kind: '' | InboxKind;
  stat: '' | ReceiptStat | 'other';
  number: string;
  text: string;
  unreadOnly: boolean;
}

const EMPTY: Draft = { kind: '', stat: '', number: '', text: '', unreadOnly: false };

function draftOf(filter: InboxFilter): Draft {
  return { kind: filter.kind ?? '', stat: filter.stat ?? '', number: filter.number ?? '', text: filter.text ?? '', unreadOnly: filter.unreadOnly ?? false };
}

/** The draft as a filter, or the message naming the part that is not one and its limit. */
function toFilter(draft: Draft): { filter: InboxFilter } | { error: string } {
  const number = draft.number.trim();
  if (number.length > NUMBER_MAX) return { error: `Number: ${NUMBER_MAX} characters at most (an address is at most 20, plus *)` };
  if (draft.text.length > TEXT_MAX) return { error: `Text: ${TEXT_MAX} characters at most` };
  const filter: InboxFilter = {};
  if (draft.kind) filter.kind = draft.kind;
  if (draft.stat) filter.stat = draft.stat;
  if (number) filter.number = number;
  if (draft.text) filter.text = draft.text;
  if (draft.unreadOnly) filter.unreadOnly = true;
  return { filter };
}

const pickValue = (pick: InboxSessionPick) => (pick.kind === 'session' ? `session:${pick.sessionId}` : pick.kind);
const pickOf = (value: string): InboxSessionPick =>
  value.startsWith('session:') ? { kind: 'session', sessionId: value.slice('session:'.length) } : value === 'all' ? { kind: 'all' } : { kind: 'scope' };

export function InboxFilterBar() {
  const setFilter = useConsole((state) => state.setInboxFilter);
  const stored = useConsole((state) => state.inboxFilter);
  const pick = useConsole((state) => state.inboxSessionPick);
  const setPick = useConsole((state) => state.setInboxSessionPick);
  const hostError = useConsole((state) => state.inboxError);
  const [draft, setDraft] = useState<Draft>(() => draftOf(stored));
  const id = useId();
  const result = toFilter(draft);
  const problem = 'error' in result ? result.error : (hostError?.message ?? null);
  const filterKey = 'filter' in result ? JSON.stringify(result.filter) : null;
  const storedKey = JSON.stringify(stored);

  useEffect(() => {
    if (filterKey === null || filterKey === storedKey) return;
    const timer = setTimeout(() => setFilter(JSON.parse(filterKey) as InboxFilter), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filterKey, storedKey, setFilter]);

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const field = (key: string) => `${id}-${key}`;

  return (
    <form className="inbox-filter" role="search" aria-label="Inbox filter" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={field('session')}>Session</label>
      <SessionSelect id={field('session')} value={pickValue(pick)} onChange={(value) => setPick(pickOf(value))} />
      <label htmlFor={field('kind')}>Kind</label>
      <select id={field('kind')} value={draft.kind} onChange={(e) => edit('kind', e.target.value as Draft['kind'])}>
        <option value="">Any</option>
        <option value="receipt">Receipts</option>
        <option value="mo">MO</option>
      </select>
      <label htmlFor={field('stat')}>Stat</label>
      <select id={field('stat')} value={draft.stat} onChange={(e) => edit('stat', e.target.value as Draft['stat'])}>
        <option value="">Any</option>
        {receiptStats.map((stat) => (
          <option key={stat} value={stat}>
            {stat}
          </option>
        ))}
        <option value="other">Other (none of these)</option>
      </select>
      <label htmlFor={field('number')}>Number</label>
      <input
        id={field('number')}
        className="mono"
        placeholder="447700* for a prefix"
        aria-invalid={problem?.startsWith('Number') || undefined}
        value={draft.number}
        onChange={(e) => edit('number', e.target.value)}
      />
      <label htmlFor={field('text')}>Text</label>
      <input id={field('text')} type="search" aria-invalid={problem?.startsWith('Text') || undefined} value={draft.text} onChange={(e) => edit('text', e.target.value)} />
      <label className="inbox-filter__check">
        <input type="checkbox" checked={draft.unreadOnly} onChange={(e) => edit('unreadOnly', e.target.checked)} />
        Unread only
      </label>
      <button type="button" disabled={JSON.stringify(draft) === JSON.stringify(EMPTY)} onClick={() => setDraft(EMPTY)}>
        Clear filters
      </button>
      {problem !== null && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** Follow the Sessions region's scope, every session, or one: the live ones and any the counts know items of. */
function SessionSelect({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  // Ids only, so neither counters ticking on the sessions nor counts changing under an MO burst re-render the select.
  const liveIds = useConsole(useShallow((state) => state.sessions.map((s) => s.id)));
  const countedIds = useConsole(
    useShallow((state) => Object.entries(state.listCounts?.sessions ?? {}).flatMap(([sessionId, tally]) => (tally.inbox > 0 ? [sessionId] : []))),
  );
  const scope = useConsole((state) => state.scopeSessionId);
  const labels = useSessionLabels();
  const ids = useMemo(() => {
    const known = new Set([...liveIds, ...countedIds]);
    // The session picked stays a choice even once it has nothing left (cleared, dismissed).
    if (value.startsWith('session:')) known.add(value.slice('session:'.length));
    return [...known];
  }, [liveIds, countedIds, value]);
  const name = (sessionId: string) => sessionName(labels, sessionId);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="scope">As Sessions scopes ({scope === null ? 'all' : name(scope)})</option>
      <option value="all">All sessions</option>
      {ids.map((sessionId) => (
        <option key={sessionId} value={`session:${sessionId}`}>
          {name(sessionId)}
        </option>
      ))}
    </select>
  );
}
