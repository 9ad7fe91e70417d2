// Export and import of profiles as JSON (never with passwords: the main side leaves them out of the export).
// The file input lives outside the Sessions region, in <body>: its label "Import profiles" would otherwise
// also answer a search for the label "Profile" there, and the visible control is a button that opens it.
import { useRef, type ChangeEvent } from 'react';
import { createPortal } from 'react-dom';
import { offerDownload } from '../../profiles/offer-download';
import { useConsole } from '../../store/console-context';
import { VisuallyHidden } from '../VisuallyHidden';

export const EXPORT_FILE_NAME = 'smpp-profiles.json';

export function ProfileTransfer() {
  const exportProfiles = useConsole((state) => state.exportProfiles);
  const importProfiles = useConsole((state) => state.importProfiles);
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    const json = await exportProfiles();
    if (json !== null) offerDownload(json, EXPORT_FILE_NAME);
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    await importProfiles(await file.text());
  };

  return (
    <>
      <button type="button" onClick={() => void onExport()}>
        Export
        <VisuallyHidden> profiles</VisuallyHidden>
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import
        <VisuallyHidden> profiles</VisuallyHidden>
      </button>
      {createPortal(
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Import profiles"
          hidden
          onChange={(event) => void onFile(event)}
        />,
        document.body,
      )}
    </>
  );
}
