// Settings this window remembers for itself (the layout, the theme) in localStorage: they are about this screen,
// not about the SMSCs, so they stay out of the host's database. Storage may be missing (tests under Node) or refuse
// writes (quota, privacy settings): the console then simply starts from its defaults each time.
// Known limit: the browser host's origin is http://127.0.0.1:PORT and the port may change between runs; storage is
// per origin, so there a new port starts from the defaults. The Electron shell's origin is fixed.

export const LAYOUT_KEY = 'smpp-console.layout.v1';
export const THEME_KEY = 'smpp-console.theme.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A sandboxed or opaque origin throws on the mere access.
    return null;
  }
}

export function readSetting(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Not remembered this time; the setting still applies to this window.
  }
}
