// The Load section's request, from a composed draft as Compose holds it: the source address in both modes, the
// destination and text in count mode, and everything else of the draft — encoding, national language, split and
// the Message options — on the request itself, as Send would send it, through the store to the host's startLoad
// (a CSV file uploaded first). The host is a stand-in that records what it was asked.
import { describe, expect, it } from 'vitest';
import type { ConsoleApi, DraftContent, LoadRequest, LoadRunView, ProfileView, SessionView } from '../../shared/contract';
import { draftContentOf } from '../../renderer/src/compose/draft-content';
import { resolveOptions } from '../../renderer/src/compose/options-form';
import { loadChoiceOf, loadSettingsOf } from '../../renderer/src/load/load-choice';
import { createConsoleStore } from '../../renderer/src/store/console-store';

const counters = { pdusIn: 0, pdusOut: 0, submitsOk: 0, submitsFailed: 0, outstanding: 0, lastRoundTripMs: null, throttled: 0, reconnects: 0 };
const session: SessionView = {
  id: 's1', profileId: 'p', profileName: 'p', state: 'bound', smscSystemId: 'SMSC', closeReason: null, nextAttemptAt: null, counters,
};
const profile = { id: 'p', bindMode: 'transceiver', defaultAlphabet: 'gsm7', submitMulti: false, defaultSplit: 'udh8' } as ProfileView;

const recalled: DraftContent = {
  sourceAddr: 'ACME',
  destinationAddr: ' 447700900123 ',
  text: 'Load me',
  encoding: 'ucs2',
  nationalLanguage: 'none',
  split: 'sar',
  options: { serviceType: 'LOAD', sourceAddrTon: 5, sourceAddrNpi: 1, registeredDelivery: 0x11, validityPeriod: '000000020000000R', tlvs: [{ tag: 0x1400, hex: 'cafe' }] },
};

/** A store whose host records startLoad's requests and the pieces uploaded before it. */
function consoleRecordingLoad() {
  const requests: LoadRequest[] = [];
  const pieces: string[] = [];
  const api = {
    startLoad: async (request: LoadRequest) => {
      requests.push(request);
      return { id: `run${requests.length}`, state: 'running', points: [] } as unknown as LoadRunView;
    },
    uploadCapture: async (piece: { base64: string }) => {
      pieces.push(Buffer.from(piece.base64, 'base64').toString('utf8'));
      return { uploadId: 'a'.repeat(24), received: piece.base64.length };
    },
  } as unknown as ConsoleApi;
  const store = createConsoleStore(api);
  store.getState().setProfiles([profile]);
  store.getState().loadSessions([session]);
  return { store, requests, pieces };
}

/** What Compose sends for the form as it stands (use-compose-model.ts: fields, encoding/split, resolved options). */
function composedContent(store: ReturnType<typeof consoleRecordingLoad>['store']): DraftContent {
  const form = store.getState().composeForm;
  return draftContentOf(form.fields, { ...form.options, split: form.splitChoice!.split }, resolveOptions(form.optionsForm).options);
}

describe('the Load section request', () => {
  it('carries every option of the composed draft with the composed message, N times', async () => {
    const { store, requests } = consoleRecordingLoad();
    store.getState().loadDraft(recalled);
    const composed = composedContent(store);
    // The composed draft is what was recalled: the form round-trips it (what Send would send).
    expect(composed).toEqual(recalled);

    const choice = loadChoiceOf(composed, { mode: 'count', count: '500', file: null, rate: '50', sessionIds: ['s1'] });
    await store.getState().startLoad(choice!);
    expect(store.getState().loadOutcome).toEqual({ status: 'idle' });
    expect(requests).toEqual([
      {
        sessionIds: ['s1'], ratePerSecond: 50,
        source: { kind: 'count', count: 500, sourceAddr: 'ACME', destinationAddr: '447700900123', text: 'Load me' },
        encoding: 'ucs2', nationalLanguage: 'none', split: 'sar', options: recalled.options,
      },
    ]);
  });

  it('carries them with each row of a CSV file too, the file uploaded first', async () => {
    const { store, requests, pieces } = consoleRecordingLoad();
    store.getState().loadDraft(recalled);
    const file = new File(['447700900001,One\n447700900002,Two\n'], 'rows.csv', { type: 'text/csv' });
    const choice = loadChoiceOf(composedContent(store), { mode: 'csv', count: '1', file, rate: '10', sessionIds: ['s1'] });
    await store.getState().startLoad(choice!);
    expect(pieces).toEqual(['447700900001,One\n447700900002,Two\n']);
    expect(requests).toEqual([
      {
        sessionIds: ['s1'], ratePerSecond: 10, source: { kind: 'csvUpload', uploadId: 'a'.repeat(24), sourceAddr: 'ACME' },
        encoding: 'ucs2', nationalLanguage: 'none', split: 'sar', options: recalled.options,
      },
    ]);
  });

  it('leaves out what the draft leaves out, and waits for a CSV file', () => {
    const plain: DraftContent = { sourceAddr: '1', destinationAddr: '2', text: 't' };
    expect(loadSettingsOf(plain)).toEqual({});
    expect(loadChoiceOf(plain, { mode: 'csv', count: '1', file: null, rate: '10', sessionIds: ['s1'] })).toBeNull();
  });
});
