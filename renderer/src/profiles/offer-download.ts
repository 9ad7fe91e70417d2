// Hands text to the user as a file download, the same way in a browser and in Electron (which shows its save
// dialog): a Blob URL on a temporary link with a download name. Nothing leaves the machine.

/** How long the Blob URL outlives the click: the download reads it after click() has returned. */
const REVOKE_AFTER_MS = 60_000;

export function offerDownload(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
