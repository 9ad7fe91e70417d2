// The Load section's request, built from the composed draft: its source address, and — in count mode — its
// destination and text; every other field of the draft (encoding, national language, long-message method, the
// message options) goes with every message of the run, exactly as Send would send it.
import type { DraftContent, LoadMessageSettings } from '../../../shared/contract';
import type { LoadChoice } from '../store/load-slice';

/** What the Load form itself holds, as typed. */
export interface LoadFormValues {
  mode: 'count' | 'csv';
  count: string;
  file: File | null;
  rate: string;
  sessionIds: string[];
}

/** The composed draft without its addresses and text: what each load message carries besides them. */
export function loadSettingsOf(composed: DraftContent): LoadMessageSettings {
  const { sourceAddr: _sourceAddr, destinationAddr: _destinationAddr, text: _text, ...settings } = composed;
  return settings;
}

/** The request the form starts; a CSV mode without a file is the form's to block (null here). */
export function loadChoiceOf(composed: DraftContent, form: LoadFormValues): LoadChoice | null {
  const common = { ...loadSettingsOf(composed), sessionIds: form.sessionIds, ratePerSecond: Number(form.rate) };
  const { sourceAddr } = composed;
  if (form.mode === 'count') {
    return { ...common, source: { kind: 'count', count: Number(form.count), sourceAddr, destinationAddr: composed.destinationAddr.trim(), text: composed.text } };
  }
  return form.file === null ? null : { ...common, source: { kind: 'file', file: form.file, sourceAddr } };
}
