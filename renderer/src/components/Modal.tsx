// A native modal <dialog>. The browser does the hard parts: focus stays inside, the page behind is inert,
// Escape closes it, and closing hands focus back to the control that opened it. Mounted means open: the owner
// renders it to open it and stops rendering it to close it; Escape asks the owner through onClose.
import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** The id of the heading that names the dialog. */
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

export function Modal({ labelledBy, describedBy, onClose, className, children }: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  // Layout effects, not passive ones: the cleanup must close the dialog while it is still in the document, or
  // the browser has no open dialog to return focus from.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    // 'close' is dispatched later than close() runs: one from a close-and-reopen (React's StrictMode replays
    // this effect) lands on an open dialog again and is stale.
    const closedByBrowser = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', closedByBrowser);
    if (!dialog.open) dialog.showModal();
    // Where a dialog wants focus to start (Cancel, for a destructive question), it marks that control.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      // The listener goes first: this close is the owner's doing and must not call back into it.
      dialog.removeEventListener('close', closedByBrowser);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={dialogRef} className={className} aria-labelledby={labelledBy} aria-describedby={describedBy}>
      {children}
    </dialog>
  );
}
