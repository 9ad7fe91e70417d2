// The Decode box: hex pasted from anywhere (a log, Wireshark's "copy as hex stream", a colleague's mail) dissected
// like a trace row, without a session. Several PDUs back to back are split by their command_length; what does not
// frame is said, and a PDU cut short is dissected as far as it goes.
import { useId, useState } from 'react';
import type { DefaultAlphabet } from '../../../shared/contract';
import { DEFAULT_ALPHABET_CHOICES } from '../compose/compose-options';
import { useConsole } from '../store/console-context';
import { DialogButton } from './DialogButton';
import { DissectionView } from './dissection/DissectionView';
import { Modal } from './Modal';

export function DecodeButton() {
  return <DialogButton label="Decode hex…" dialog={DecodeDialog} />;
}

function DecodeDialog({ onClose }: { onClose: () => void }) {
  const ids = { heading: useId(), hex: useId(), alphabet: useId(), alert: useId() };
  const outcome = useConsole((state) => state.decodeOutcome);
  const run = useConsole((state) => state.runDecode);
  const [hex, setHex] = useState('');
  const [alphabet, setAlphabet] = useState<DefaultAlphabet>('gsm7');
  const [chosen, setChosen] = useState(0);
  const result = outcome.status === 'done' ? outcome.value : null;
  const pdu = result?.pdus[Math.min(chosen, result.pdus.length - 1)];

  return (
    <Modal labelledBy={ids.heading} onClose={onClose} className="decode-dialog">
      <h2 id={ids.heading}>Decode PDUs</h2>
      <form
        className="decode-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          setChosen(0);
          void run(hex, alphabet);
        }}
      >
        <label htmlFor={ids.hex}>Hex to decode</label>
        <textarea
          id={ids.hex}
          rows={4}
          value={hex}
          spellCheck={false}
          placeholder="00 00 00 10 00 00 00 15 00 00 00 00 00 00 00 01 — one PDU or several; spaces, 0x and : are fine"
          aria-invalid={outcome.status === 'failed' || undefined}
          aria-describedby={outcome.status === 'failed' ? ids.alert : undefined}
          onChange={(event) => setHex(event.target.value)}
        />
        <label htmlFor={ids.alphabet}>data_coding 0 means</label>
        <select id={ids.alphabet} value={alphabet} onChange={(event) => setAlphabet(event.target.value as DefaultAlphabet)}>
          {DEFAULT_ALPHABET_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={hex.trim() === '' || outcome.status === 'running'}>
          Decode
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </form>
      {outcome.status === 'failed' && (
        <p id={ids.alert} className="alert" role="alert">
          {outcome.message}
        </p>
      )}
      {result && (
        <>
          {result.problem !== null && (
            <p className="problem" role="status">
              <strong>Problem:</strong> {result.problem}
            </p>
          )}
          <ol className="decode-dialog__pdus" aria-label="PDUs found">
            {result.pdus.map((found, index) => (
              <li key={found.offset}>
                <button type="button" className="link" aria-pressed={index === chosen} onClick={() => setChosen(index)}>
                  at octet {found.offset}: {found.summary}
                </button>
              </li>
            ))}
          </ol>
          {pdu && <DissectionView key={`${pdu.offset}:${pdu.hex}`} hex={pdu.hex} tree={pdu.tree} title={`Decoded PDU at octet ${pdu.offset}`} />}
        </>
      )}
    </Modal>
  );
}
