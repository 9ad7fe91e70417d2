// Export: the whole trace, the filtered view or the selected rows, as pcapng/pcap for Wireshark, JSON Lines, or
// text. The host writes the file; it is then saved as a download. What the reader should know (masked passwords,
// stand-in addresses, notes left out of a capture) is listed with the result.
import { useId, useState } from 'react';
import type { TraceExportFormat, TraceExportScope } from '../../../shared/contract';
import { formatCount } from '../format/display';
import { useConsole } from '../store/console-context';
import { rangeCount } from '../store/trace-slice';
import { viewLength } from '../trace/trace-view';
import { DialogButton } from './DialogButton';
import { Modal } from './Modal';
import { TransferProgressLine } from './TransferProgressLine';

const FORMATS: ReadonlyArray<{ value: TraceExportFormat; label: string }> = [
  { value: 'pcapng', label: 'pcapng (Wireshark, tshark)' },
  { value: 'pcap', label: 'pcap (classic)' },
  { value: 'jsonl', label: 'JSON Lines (summary, decoded tree, hex)' },
  { value: 'text', label: 'Text (the tree as shown)' },
];

type ScopeKind = TraceExportScope['kind'];

export function ExportButton() {
  return <DialogButton label="Export…" dialog={ExportDialog} />;
}

function ExportDialog({ onClose }: { onClose: () => void }) {
  const ids = { heading: useId(), format: useId(), note: useId() };
  const view = useConsole((state) => state.traceView);
  const range = useConsole((state) => state.traceRange);
  const selectedId = useConsole((state) => state.selectedTraceId);
  const outcome = useConsole((state) => state.exportOutcome);
  const run = useConsole((state) => state.runExport);
  const filtered = Object.keys(view.filter).length > 0;
  const selectionSize = range ? rangeCount(range) : selectedId !== null ? 1 : 0;
  const [kind, setKind] = useState<ScopeKind>(selectionSize > 1 ? 'selection' : filtered ? 'view' : 'all');
  const [format, setFormat] = useState<TraceExportFormat>('pcapng');

  const scope = (): TraceExportScope => {
    if (kind === 'all') return { kind: 'all' };
    if (kind === 'view') return { kind: 'view', filter: view.filter };
    const [fromId, toId] = range ? [range.anchorId, range.focusId] : [selectedId!, selectedId!];
    return { kind: 'selection', filter: view.filter, fromId, toId };
  };
  const scopes: ReadonlyArray<{ value: ScopeKind; label: string; disabled: boolean }> = [
    { value: 'all', label: 'The whole trace', disabled: false },
    { value: 'view', label: `The filtered view (${formatCount(viewLength(view))} rows)`, disabled: !filtered },
    { value: 'selection', label: `The selection (${formatCount(selectionSize)} row${selectionSize === 1 ? '' : 's'}; Shift+click selects a range)`, disabled: selectionSize === 0 || view.sort !== 'time' },
  ];

  return (
    <Modal labelledBy={ids.heading} describedBy={ids.note} onClose={onClose} className="export-dialog">
      <h2 id={ids.heading}>Export the trace</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(scope(), format);
        }}
      >
        <fieldset>
          <legend>What</legend>
          {scopes.map((s) => (
            <label key={s.value} className="compose__check">
              <input type="radio" name="export-scope" value={s.value} checked={kind === s.value} disabled={s.disabled} onChange={() => setKind(s.value)} />
              {s.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.format}>Format</label>
        <select id={ids.format} value={format} onChange={(event) => setFormat(event.target.value as TraceExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <p id={ids.note} className="hint">
          Passwords are masked when a bind is captured and never stored, so no export can include them.
        </p>
        <div className="operation__buttons">
          <button type="submit" disabled={outcome.status === 'running'}>
            Export
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      <ExportOutcome />
    </Modal>
  );
}

function ExportOutcome() {
  const outcome = useConsole((state) => state.exportOutcome);
  if (outcome.status === 'idle') return null;
  if (outcome.status === 'running') return <TransferProgressLine progress={outcome} />;
  if (outcome.status === 'failed') {
    return (
      <p className="alert" role="alert">
        Export failed: {outcome.message}
      </p>
    );
  }
  const { fileName, records, octets, notes } = outcome.value;
  return (
    <div role="status" aria-label="Export result">
      <p>
        Saved {fileName}: {formatCount(records)} record{records === 1 ? '' : 's'}, {formatCount(octets)} octets.
      </p>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
