// What leaves the dissection: the octets as plain hex (no offsets, no ASCII column — what a raw sender or a
// colleague's decoder takes), the tree as text, and the octets into the raw PDU sender to edit and send again.
import { useState } from 'react';
import type { DissectNode } from '../../../../shared/contract';
import { treeAsText } from '../../../../shared/dissect-tree';
import { useConsole } from '../../store/console-context';

interface DissectionActionsProps {
  hex: string;
  tree: DissectNode[];
  title: string;
}

export function DissectionActions({ hex, tree, title }: DissectionActionsProps) {
  const editRawPdu = useConsole((state) => state.editRawPdu);
  const [status, setStatus] = useState('');
  const copy = (text: string, what: string) => {
    navigator.clipboard.writeText(text).then(
      () => setStatus(`Copied ${what}.`),
      // Clipboard access can be refused (no focus, a policy); say so rather than pretend.
      (error: unknown) => setStatus(`Could not copy ${what}: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const octets = hex.length / 2;
  return (
    <div className="dissection__actions" role="toolbar" aria-label={`${title} actions`}>
      <button type="button" disabled={octets === 0} onClick={() => copy(hex, `${octets} octets as hex`)}>
        Copy hex
      </button>
      <button type="button" onClick={() => copy(`${title}\n${treeAsText(tree)}\n`, 'the dissection as text')}>
        Copy as text
      </button>
      <button type="button" disabled={octets < 16} title="Opens the raw PDU sender (Compose › Operations) with these octets" onClick={() => editRawPdu(hex)}>
        Edit and resend
      </button>
      <span role="status" className="muted">
        {status}
      </span>
    </div>
  );
}
