// Saving a file the host made (an export) as the browser's own download: the pieces become a Blob, the Blob an
// object URL a link downloads with the file's name, and the URL is let go once the click has started the save.
// Electron shows its save dialog for it; a browser saves to its downloads folder.
export function saveDownload(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** base64 (as the contract carries file pieces) to octets, and back. */
export function octetsFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}

export function base64FromOctets(octets: Uint8Array): string {
  let text = '';
  // In slices: String.fromCharCode with a whole megabyte of arguments overflows the stack.
  for (let i = 0; i < octets.length; i += 0x8000) text += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(text);
}
