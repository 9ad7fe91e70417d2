// A button that opens a dialog: the dialog is mounted while open (Modal's rule) and closes itself through onClose.
import { useState, type ComponentType } from 'react';

export function DialogButton({ label, dialog: Dialog }: { label: string; dialog: ComponentType<{ onClose: () => void }> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && <Dialog onClose={() => setOpen(false)} />}
    </>
  );
}
