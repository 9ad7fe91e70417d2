// Where the built trace store worker is, for the shells and the benchmark (entries built beside it in out/main).
// In a packaged app the file sits inside app.asar, which a worker thread cannot load from; electron-builder unpacks
// out/main (asarUnpack), so the path is pointed at app.asar.unpacked.
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function traceStoreWorkerUrl(besideEntry: URL): URL {
  const path = fileURLToPath(besideEntry);
  const asar = `${sep}app.asar${sep}`;
  return path.includes(asar) ? pathToFileURL(path.replace(asar, `${sep}app.asar.unpacked${sep}`)) : besideEntry;
}
