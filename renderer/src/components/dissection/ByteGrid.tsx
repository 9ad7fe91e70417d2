// A PDU's octets as a grid, 16 to a row as Wireshark and `hexdump -C` show them: offset, hex, ASCII. Each octet is
// a gridcell that can be selected (mouse, or ←/→/↑/↓/Home/End with the grid focused, one tab stop named by
// aria-activedescendant); the selected node's octets are highlighted. Rows are a window (useFixedRows), so a
// 64 KiB message_payload costs what is in sight, not 4,000 rows.
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { BYTES_PER_LINE, printable } from '../../trace/hex-dump';
import { useFixedRows } from '../../trace/use-fixed-rows';

const ROW_HEIGHT = 18;

interface ByteGridProps {
  bytes: Uint8Array;
  idPrefix: string;
  highlight: { offset: number; length: number } | null;
  activeOctet: number;
  onSelectOctet: (offset: number) => void;
}

export function ByteGrid({ bytes, idPrefix, highlight, activeOctet, onSelectOctet }: ByteGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = Math.ceil(bytes.length / BYTES_PER_LINE);
  const virtual = useFixedRows({ count: rowCount, rowHeight: ROW_HEIGHT, offset: 0, overscan: 4, scrollRef });
  const cellId = (offset: number) => `${idPrefix}-octet-${offset}`;
  const lit = (offset: number) => highlight !== null && offset >= highlight.offset && offset < highlight.offset + highlight.length;
  const { scrollToIndex } = virtual;

  // The active octet in sight, whichever side moved it (a node selected in the tree makes its first octet active).
  useLayoutEffect(() => {
    scrollToIndex(Math.floor(activeOctet / BYTES_PER_LINE), 'auto');
  }, [activeOctet, scrollToIndex]);

  const onKeyDown = (event: KeyboardEvent) => {
    const last = bytes.length - 1;
    const rowStart = activeOctet - (activeOctet % BYTES_PER_LINE);
    const moves: Record<string, number> = {
      ArrowRight: activeOctet + 1, ArrowLeft: activeOctet - 1, ArrowDown: activeOctet + BYTES_PER_LINE, ArrowUp: activeOctet - BYTES_PER_LINE,
      Home: event.ctrlKey ? 0 : rowStart, End: event.ctrlKey ? last : Math.min(last, rowStart + BYTES_PER_LINE - 1),
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onSelectOctet(Math.max(0, Math.min(last, next)));
  };

  if (bytes.length === 0) return <p className="muted">No octets.</p>;
  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="PDU bytes"
      aria-rowcount={rowCount}
      aria-colcount={BYTES_PER_LINE + 1}
      className="byte-grid mono"
      tabIndex={0}
      aria-activedescendant={cellId(activeOctet)}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" style={{ height: virtual.totalHeight, position: 'relative' }}>
        {virtual.rows.map(({ index, top }) => {
          const start = index * BYTES_PER_LINE;
          const chunk = Array.from(bytes.subarray(start, start + BYTES_PER_LINE));
          return (
            <div key={index} role="row" aria-rowindex={index + 1} className="byte-grid__row" style={{ top, height: ROW_HEIGHT }}>
              <span role="rowheader" className="byte-grid__offset">
                {start.toString(16).padStart(4, '0')}
              </span>
              {chunk.map((byte, i) => {
                const offset = start + i;
                return (
                  <span
                    key={offset}
                    id={cellId(offset)}
                    role="gridcell"
                    aria-label={`octet ${offset}: 0x${byte.toString(16).padStart(2, '0')}`}
                    aria-selected={lit(offset)}
                    className={`byte-grid__octet${lit(offset) ? ' byte-grid__octet--lit' : ''}${offset === activeOctet ? ' byte-grid__octet--active' : ''}`}
                    onClick={() => onSelectOctet(offset)}
                  >
                    {byte.toString(16).padStart(2, '0')}
                  </span>
                );
              })}
              <span className="byte-grid__ascii" aria-hidden="true">
                {chunk.map((byte, i) => (
                  <span key={i} className={lit(start + i) ? 'byte-grid__octet--lit' : undefined}>
                    {printable(byte)}
                  </span>
                ))}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
