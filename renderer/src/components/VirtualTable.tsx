// A table for lists that stream (Sent, Inbox): ARIA table roles on rows of one fixed height, of which only those in
// sight are in the DOM (@tanstack/react-virtual). At 2,500 MO/s a plain table re-laid-out 200 rows twenty times a
// second (measured: 100–600 ms tasks in the burst benchmark); this lays out a screenful.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualColumn<T> {
  header: ReactNode;
  /** A grid-template-columns track: '14ch', 'minmax(12ch, 1fr)'… */
  width: string;
  cell: (item: T) => ReactNode;
  className?: string;
  title?: (item: T) => string | undefined;
}

interface VirtualTableProps<T> {
  label: string;
  items: readonly T[];
  columns: ReadonlyArray<VirtualColumn<T>>;
  /** Data attributes a row carries (tests and styles key on them). */
  rowData?: (item: T) => Record<`data-${string}`, string>;
  empty: ReactNode;
  footer?: ReactNode;
  /** Scrolled to the last rows: page older ones in from the store. */
  onEndReached?: () => void;
  /** A row opens something (a message's timeline): by click, or Enter / Space on the focused row. */
  onActivate?: (item: T) => void;
  /** The rows in sight changed (indexes into items, overscan left out): the Inbox marks what was seen. */
  onVisibleRange?: (range: { startIndex: number; endIndex: number } | null) => void;
}

const ROW_HEIGHT = 22;

export function VirtualTable<T>({ label, items, columns, rowData, empty, footer, onEndReached, onActivate, onVisibleRange }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    onChange: (instance) => onVisibleRange?.(instance.range),
  });
  const style = { '--vtable-columns': columns.map((c) => c.width).join(' ') } as CSSProperties;
  return (
    <div role="table" aria-label={label} aria-rowcount={items.length + 1} className="vtable" style={style}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="vtable__row vtable__head">
          {columns.map((column, index) => (
            <span role="columnheader" key={index}>
              {column.header}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="vtable__scroll"
        onScroll={(event) => {
          const element = event.currentTarget;
          if (onEndReached && element.scrollHeight - element.scrollTop - element.clientHeight < 3 * ROW_HEIGHT) onEndReached();
        }}
      >
        {items.length === 0 ? (
          <div role="rowgroup">
            <div role="row" className="vtable__row">
              <span role="cell" className="muted vtable__empty">
                {empty}
              </span>
            </div>
          </div>
        ) : (
          <div role="rowgroup" className="vtable__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index]!;
              return (
                // Keyed by slot: new items arrive at the top and shift every row; the same DOM rows take new text.
                <div
                  role="row"
                  key={row.index % 256}
                  aria-rowindex={row.index + 2}
                  className={onActivate ? 'vtable__row vtable__row--opens' : 'vtable__row'}
                  style={{ transform: `translateY(${row.start}px)` }}
                  {...rowData?.(item)}
                  {...(onActivate && {
                    tabIndex: 0,
                    'aria-haspopup': 'dialog' as const,
                    onClick: () => onActivate(item),
                    onKeyDown: (event: KeyboardEvent) => {
                      if (event.key !== 'Enter' && event.key !== ' ') return;
                      event.preventDefault();
                      onActivate(item);
                    },
                  })}
                >
                  {columns.map((column, index) => (
                    <span role="cell" key={index} className={column.className} title={column.title?.(item)}>
                      {column.cell(item)}
                    </span>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {footer}
    </div>
  );
}
