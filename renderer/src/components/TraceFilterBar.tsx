// The filter bar over the whole stored trace: session, direction, commands, status (any / errors only / one
// status), sequence number, message_id, address, time range and free text. Parts combine; the count of matches
// comes from the store. Typed parts apply after a pause in typing, choices at once.
import { useEffect, useId, useMemo, useState } from 'react';
import type { TraceDirection } from '../../../shared/contract';
import { SMPP_COMMANDS, TRACE_EVENT_KINDS } from '../../../shared/smpp-names';
import { isFiltered, type TraceFilter } from '../../../shared/trace-filter';
import { formatCount } from '../format/display';
import { useConsole } from '../store/console-context';
import { sessionLabels } from '../trace/session-labels';
import { parseStatus } from '../trace/status-input';

const TYPING_PAUSE_MS = 300;

interface Draft {
  sessionId: string;
  direction: '' | TraceDirection;
  commands: string[];
  status: 'any' | 'errors' | 'equals';
  statusValue: string;
  sequenceNumber: string;
  smscMessageId: string;
  address: string;
  from: string;
  to: string;
  text: string;
}

const EMPTY: Draft = {
  sessionId: '', direction: '', commands: [], status: 'any', statusValue: '', sequenceNumber: '', smscMessageId: '', address: '', from: '', to: '', text: '',
};

/** The draft as a filter, or the message naming the part that is not one. */
function toFilter(draft: Draft): { filter: TraceFilter } | { error: string } {
  const filter: TraceFilter = {};
  if (draft.sessionId) filter.sessionIds = [draft.sessionId];
  if (draft.direction) filter.directions = [draft.direction];
  if (draft.commands.length > 0) filter.commands = draft.commands;
  if (draft.status === 'errors') filter.status = { kind: 'errors' };
  if (draft.status === 'equals') {
    const parsed = parseStatus(draft.statusValue);
    if (!parsed.ok) return { error: parsed.message };
    filter.status = { kind: 'equals', value: parsed.value };
  }
  if (draft.sequenceNumber.trim()) {
    const seq = Number(draft.sequenceNumber);
    if (!Number.isInteger(seq) || seq < 0 || seq > 0xffffffff) return { error: 'Seq: a sequence_number from 0 to 4294967295' };
    filter.sequenceNumber = seq;
  }
  if (draft.smscMessageId.trim()) filter.smscMessageId = draft.smscMessageId.trim();
  if (draft.address.trim()) filter.address = draft.address.trim();
  for (const [key, value] of [['timeFrom', draft.from], ['timeTo', draft.to]] as const) {
    if (!value) continue;
    const time = new Date(value).getTime();
    if (Number.isNaN(time)) return { error: `${key === 'timeFrom' ? 'From' : 'To'}: not a date and time` };
    filter[key] = key === 'timeTo' ? time + 999 : time; // "to 12:00:05" includes the whole second
  }
  if (draft.text) filter.text = draft.text;
  return { filter };
}

export function TraceFilterBar() {
  const setTraceFilter = useConsole((state) => state.setTraceFilter);
  const sessions = useConsole((state) => state.sessions);
  const storedSessions = useConsole((state) => state.traceSessions);
  const labels = useMemo(() => [...sessionLabels(sessions, storedSessions).entries()], [sessions, storedSessions]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [more, setMore] = useState(false);
  const id = useId();
  const result = toFilter(draft);
  const problem = 'error' in result ? result.error : null;
  const filterKey = 'filter' in result ? JSON.stringify(result.filter) : null;

  useEffect(() => {
    if (filterKey === null) return;
    const timer = setTimeout(() => setTraceFilter(JSON.parse(filterKey) as TraceFilter), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filterKey, setTraceFilter]);

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const field = (key: keyof Draft) => `${id}-${key}`;

  return (
    <form className="trace-filter" role="search" aria-label="Trace filter" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={field('sessionId')}>Session</label>
      <select id={field('sessionId')} value={draft.sessionId} onChange={(e) => edit('sessionId', e.target.value)}>
        <option value="">All</option>
        {labels.map(([sessionId, label]) => (
          <option key={sessionId} value={sessionId}>
            {label.name} {label.short}
          </option>
        ))}
      </select>
      <label htmlFor={field('direction')}>Direction</label>
      <select id={field('direction')} value={draft.direction} onChange={(e) => edit('direction', e.target.value as Draft['direction'])}>
        <option value="">Any</option>
        <option value="out">→ out</option>
        <option value="in">← in</option>
        <option value="event">• event</option>
      </select>
      <label htmlFor={field('status')}>Status</label>
      <select id={field('status')} value={draft.status} onChange={(e) => edit('status', e.target.value as Draft['status'])}>
        <option value="any">Any</option>
        <option value="errors">Errors only</option>
        <option value="equals">Equals…</option>
      </select>
      {draft.status === 'equals' && (
        <input aria-label="Status value" className="mono" placeholder="ESME_RTHROTTLED or 0x58" value={draft.statusValue} onChange={(e) => edit('statusValue', e.target.value)} />
      )}
      <label htmlFor={field('smscMessageId')}>message_id</label>
      <input id={field('smscMessageId')} className="mono" value={draft.smscMessageId} onChange={(e) => edit('smscMessageId', e.target.value)} />
      <label htmlFor={field('text')}>Text</label>
      <input id={field('text')} type="search" value={draft.text} onChange={(e) => edit('text', e.target.value)} />
      <button type="button" aria-expanded={more} aria-controls={`${id}-more`} onClick={() => setMore(!more)}>
        More filters
      </button>
      <button type="button" disabled={JSON.stringify(draft) === JSON.stringify(EMPTY)} onClick={() => setDraft(EMPTY)}>
        Clear filters
      </button>
      <TraceMatchCount />
      <div id={`${id}-more`} className="trace-filter__more" hidden={!more}>
        <label htmlFor={field('commands')}>Commands</label>
        <select
          id={field('commands')}
          multiple
          size={4}
          value={draft.commands}
          onChange={(e) => edit('commands', [...e.target.selectedOptions].map((option) => option.value))}
        >
          {[...SMPP_COMMANDS, ...TRACE_EVENT_KINDS].map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={field('sequenceNumber')}>Seq</label>
        <input id={field('sequenceNumber')} className="mono" inputMode="numeric" value={draft.sequenceNumber} onChange={(e) => edit('sequenceNumber', e.target.value)} />
        <label htmlFor={field('address')}>Address</label>
        <input id={field('address')} className="mono" placeholder="447700* for a prefix" value={draft.address} onChange={(e) => edit('address', e.target.value)} />
        <label htmlFor={field('from')}>From</label>
        <input id={field('from')} type="datetime-local" step={1} value={draft.from} onChange={(e) => edit('from', e.target.value)} />
        <label htmlFor={field('to')}>To</label>
        <input id={field('to')} type="datetime-local" step={1} value={draft.to} onChange={(e) => edit('to', e.target.value)} />
      </div>
      {problem !== null && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** "1,234 PDUs match" (or "1,234 PDUs" unfiltered), from the store's count plus the live rows since. */
function TraceMatchCount() {
  useConsole((state) => state.traceVersion);
  const view = useConsole((state) => state.traceView);
  const error = useConsole((state) => state.traceCountError);
  const filtered = isFiltered(view.filter);
  const text =
    error !== null ? error : view.total < 0 ? 'counting…' : `${formatCount(view.total + view.live.length)} PDUs${filtered ? ' match' : ''}`;
  return (
    // Not a live region: at thousands of PDUs a second it would only drown the screen reader.
    <output className="counter mono" aria-label="Matching PDUs" aria-live="off">
      {text}
    </output>
  );
}
