// The bottom of the right column: Sent, Inbox and the built-in Simulator as tabs of one pane, so an empty inbox costs
// a tab's width and not a quarter of the screen. Each tab says how many rows its list holds — and the Inbox how many are unread — for
// the session in scope (or all), from the host's list counts. Both panels stay mounted, the hidden one too, so each
// keeps its scroll position and whatever its controls hold while the other is shown.
import { useId, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/shallow';
import { formatCount } from '../../format/display';
import { useConsole } from '../../store/console-context';
import { listCountsOf } from '../../store/inbox-slice';
import { listsTabs, type ListsTab } from '../../workspace/layout';
import { InboxList } from '../Inbox';
import { SentTable } from '../SentTable';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { PaneToggle } from './PaneToggle';

const NAME = 'Sent, Inbox and Simulator';

export function ListsPane() {
  const tab = useConsole((state) => state.layout.tab);
  const collapsed = useConsole((state) => state.layout.collapsed.lists);
  const showTab = useConsole((state) => state.showListsTab);
  // The scoped session's counts while one is scoped (none yet: zero), else everything's.
  const counts = useConsole(useShallow((state) => listCountsOf(state.listCounts, state.scopeSessionId ?? undefined)));
  const prefix = useId();
  const bodyId = `${prefix}-body`;
  const tabId = (name: ListsTab) => `${prefix}-tab-${name}`;
  const panelId = (name: ListsTab) => `${prefix}-panel-${name}`;
  const tabRefs = useRef<Partial<Record<ListsTab, HTMLButtonElement | null>>>({});

  // Arrow keys move between the tabs and show the one reached (automatic activation: both panels are cheap to show).
  const onKeyDown = (event: KeyboardEvent) => {
    const at = listsTabs.indexOf(tab);
    const last = listsTabs.length - 1;
    const moves: Record<string, number> = { ArrowLeft: at === 0 ? last : at - 1, ArrowRight: at === last ? 0 : at + 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const name = listsTabs[next]!;
    showTab(name);
    tabRefs.current[name]?.focus();
  };
  const label = (name: ListsTab) =>
    name === 'simulator' ? (
      'Simulator'
    ) : name === 'sent' ? (
      <>
        Sent{counts !== null && <span className="tab__count"> {formatCount(counts.sent)}</span>}
      </>
    ) : (
      <>
        Inbox
        {counts !== null && <span className="tab__count"> {formatCount(counts.inbox)}</span>}
        {counts !== null && counts.unread > 0 && <span className="tab__unread"> ({formatCount(counts.unread)} unread)</span>}
      </>
    );

  return (
    <section className="region region--lists" aria-label={NAME} data-collapsed={collapsed || undefined}>
      <header className="region__header">
        <PaneToggle pane="lists" name={NAME} controls={bodyId} />
        <div role="tablist" aria-label={NAME} className="tabs" onKeyDown={onKeyDown}>
          {listsTabs.map((name) => (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={tabId(name)}
              className="tab"
              aria-selected={tab === name}
              aria-controls={panelId(name)}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => showTab(name)}
            >
              {label(name)}
            </button>
          ))}
        </div>
      </header>
      <div id={bodyId} className="region__body lists__body" hidden={collapsed}>
        {listsTabs.map((name) => (
          <div key={name} role="tabpanel" id={panelId(name)} aria-labelledby={tabId(name)} className="lists__panel" hidden={tab !== name}>
            {name === 'sent' ? <SentTable /> : name === 'inbox' ? <InboxList /> : <SimulatorPanel shown={tab === 'simulator' && !collapsed} />}
          </div>
        ))}
      </div>
    </section>
  );
}
