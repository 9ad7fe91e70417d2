// The console's one screen as resizable panes: Sessions above Compose in the left column, the Trace above the Sent
// and Inbox tabs in the right one, three splitters between them. Sizes are CSS variables on the workspace (a drag
// changes one variable; the store and storage hear of it once, on release); the stylesheet turns them into grid
// tracks with pixel floors, so no pane can be dragged smaller than its header or a usable form.
import { useRef, type CSSProperties } from 'react';
import { useConsole } from '../../store/console-context';
import { defaultLayout, type SplitId } from '../../workspace/layout';
import { Compose } from '../Compose';
import { Sessions } from '../Sessions';
import { Trace } from '../Trace';
import { ListsPane } from './ListsPane';
import { Splitter } from './Splitter';

const SIZE_VARIABLES: Record<SplitId, string> = { left: '--ws-left', sessions: '--ws-sessions', trace: '--ws-trace' };

export function Workspace() {
  const sizes = useConsole((state) => state.layout.sizes);
  const collapsed = useConsole((state) => state.layout.collapsed);
  const setCollapsed = useConsole((state) => state.setPaneCollapsed);
  const workspaceRef = useRef<HTMLElement>(null);
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const initial = defaultLayout({ width: window.innerWidth, height: window.innerHeight }).sizes;
  const style = Object.fromEntries(Object.entries(SIZE_VARIABLES).map(([split, name]) => [name, sizes[split as SplitId]])) as CSSProperties;
  const preview = (split: SplitId) => (percent: number) => workspaceRef.current?.style.setProperty(SIZE_VARIABLES[split], String(percent));
  const paneCollapsed = (first: 'sessions' | 'trace', second: 'compose' | 'lists') =>
    collapsed[first] ? first : collapsed[second] ? second : undefined;

  return (
    <main ref={workspaceRef} className="workspace" style={style} data-left-collapsed={collapsed.left || undefined}>
      <div ref={leftRef} className="workspace__column workspace__column--left" data-collapsed-pane={paneCollapsed('sessions', 'compose')}>
        {collapsed.left && (
          <div className="workspace__rail">
            <button type="button" aria-expanded={false} aria-label="Expand Sessions and Compose" onClick={() => setCollapsed('left', false)}>
              <span aria-hidden="true">▸ Sessions · Compose</span>
            </button>
          </div>
        )}
        <Sessions />
        <Splitter
          split="sessions"
          label="Resize Sessions and Compose"
          orientation="horizontal"
          primary="sessions"
          primaryName="Sessions"
          secondary="compose"
          initial={initial.sessions}
          box={() => leftRef.current?.getBoundingClientRect()}
          preview={preview('sessions')}
        />
        <Compose />
      </div>
      <Splitter
        split="left"
        label="Resize Compose and Trace"
        orientation="vertical"
        primary="left"
        primaryName="Sessions and Compose"
        initial={initial.left}
        box={() => contentBox(workspaceRef.current)}
        preview={preview('left')}
      />
      <div ref={rightRef} className="workspace__column workspace__column--right" data-collapsed-pane={paneCollapsed('trace', 'lists')}>
        <Trace />
        <Splitter
          split="trace"
          label="Resize Trace and Sent, Inbox and Simulator"
          orientation="horizontal"
          primary="trace"
          primaryName="Trace"
          secondary="lists"
          initial={initial.trace}
          box={() => rightRef.current?.getBoundingClientRect()}
          preview={preview('trace')}
        />
        <ListsPane />
      </div>
    </main>
  );
}

/** The workspace's box inside its padding: what the left column's percentage is of. */
function contentBox(element: HTMLElement | null): DOMRect | undefined {
  if (element === null) return undefined;
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const left = parseFloat(style.paddingLeft);
  const right = parseFloat(style.paddingRight);
  return new DOMRect(rect.left + left, rect.top, rect.width - left - right, rect.height);
}
