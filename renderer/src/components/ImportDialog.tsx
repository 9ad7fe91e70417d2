// Open a capture (pcap or pcapng): it is read into the trace as sessions of its own ("capture: file (ESME → SMSC)"),
// filterable and dissected like live ones. SMPP is found by its headers; ports named here are read as SMPP too.
// Everything the file did not give cleanly is listed with the result.
import { useId, useState } from 'react';
import { formatCount } from '../format/display';
import { useConsole } from '../store/console-context';
import { DialogButton } from './DialogButton';
import { Modal } from './Modal';
import { TransferProgressLine } from './TransferProgressLine';

export function ImportButton() {
  return <DialogButton label="Open capture…" dialog={ImportDialog} />;
}

/** "2775, 9000" → ports; null when a part is not a port (1–65535). */
export function parsePorts(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const ports = parts.map(Number);
  return ports.every((p) => Number.isInteger(p) && p >= 1 && p <= 65_535) ? ports : null;
}

function ImportDialog({ onClose }: { onClose: () => void }) {
  const ids = { heading: useId(), file: useId(), ports: useId(), portsHint: useId() };
  const outcome = useConsole((state) => state.importOutcome);
  const run = useConsole((state) => state.runImport);
  const setTraceFilter = useConsole((state) => state.setTraceFilter);
  const [file, setFile] = useState<File | null>(null);
  const [portsText, setPortsText] = useState('');
  const ports = parsePorts(portsText);

  return (
    <Modal labelledBy={ids.heading} onClose={onClose} className="import-dialog">
      <h2 id={ids.heading}>Open a capture</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file && ports) void run(file, ports);
        }}
      >
        <label htmlFor={ids.file}>Capture file (pcap, pcapng)</label>
        <input id={ids.file} type="file" accept=".pcap,.pcapng,.cap" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <label htmlFor={ids.ports}>Also SMPP on ports</label>
        <input
          id={ids.ports}
          value={portsText}
          placeholder="e.g. 2775, 9000"
          aria-invalid={ports === null || undefined}
          aria-describedby={ids.portsHint}
          onChange={(event) => setPortsText(event.target.value)}
        />
        <p id={ids.portsHint} className="hint">
          {ports === null ? 'Ports: whole numbers 1–65535, separated by commas.' : 'SMPP is found by its headers; connections on these ports are read as SMPP whatever they start with.'}
        </p>
        <div className="operation__buttons">
          <button type="submit" disabled={!file || ports === null || outcome.status === 'running'}>
            Import
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
      {outcome.status === 'running' && <TransferProgressLine progress={outcome} />}
      {outcome.status === 'failed' && (
        <p className="alert" role="alert">
          Import failed: {outcome.message}
        </p>
      )}
      {outcome.status === 'done' && (
        <div role="status" aria-label="Import result">
          <p>
            {outcome.value.fileName}: {formatCount(outcome.value.packets)} packets, {formatCount(outcome.value.pdus)} PDUs in{' '}
            {outcome.value.streams} SMPP connection{outcome.value.streams === 1 ? '' : 's'}.
          </p>
          {outcome.value.problems.length > 0 && (
            <ul className="problem">
              {outcome.value.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {outcome.value.sessionIds.length > 0 && (
            <button
              type="button"
              onClick={() => {
                setTraceFilter({ sessionIds: outcome.value.sessionIds });
                onClose();
              }}
            >
              Show in the trace
            </button>
          )}
        </div>
      )}
    </Modal>
  );
}
