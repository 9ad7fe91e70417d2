// startDraft, as the message timeline calls it ("re-send as a new draft"): the draft fills every compose field, the
// session given is picked when it is bound (the one Compose would use anyway otherwise), the Compose pane is opened
// — its column too — and asked to focus its text. Nothing is sent: the host is never called.
import { describe, expect, it } from 'vitest';
import type { ConsoleApi, DraftContent, ProfileView, SessionView } from '../../shared/contract';
import { createConsoleStore } from '../../renderer/src/store/console-store';

/** Never called: startDraft and the layout actions stay inside the store. */
const unusedApi = {} as ConsoleApi;

const counters = { pdusIn: 0, pdusOut: 0, submitsOk: 0, submitsFailed: 0, outstanding: 0, lastRoundTripMs: null, throttled: 0, reconnects: 0 };
const session = (id: string, profileId: string, state: SessionView['state'] = 'bound'): SessionView => ({
  id,
  profileId,
  profileName: profileId,
  state,
  smscSystemId: 'SMSC',
  closeReason: null,
  nextAttemptAt: null,
  counters,
});
const profile = (id: string, defaultSplit: ProfileView['defaultSplit']) => ({ id, bindMode: 'transceiver', defaultAlphabet: 'gsm7', submitMulti: false, defaultSplit }) as ProfileView;

const draft: DraftContent = {
  sourceAddr: '12345',
  destinationAddr: '447700900123',
  text: 'Again',
  encoding: 'ucs2',
  split: 'sar',
  options: { registeredDelivery: 0, serviceType: 'CMT' },
};

function storeWithTwoSessions() {
  const store = createConsoleStore(unusedApi);
  store.getState().setProfiles([profile('a', 'udh8'), profile('b', 'payload')]);
  store.getState().loadSessions([session('s1', 'a'), session('s2', 'b'), session('gone', 'a', 'closed')]);
  return store;
}

describe('startDraft', () => {
  it('fills the form from the draft on the session given, and keeps its split as a choice for that profile', () => {
    const store = storeWithTwoSessions();
    store.getState().startDraft(draft, 's1');
    const form = store.getState().composeForm;
    expect(form.chosenSessionId).toBe('s1');
    expect(form.fields).toEqual({ sourceAddr: '12345', destinationAddr: '447700900123', text: 'Again' });
    expect(form.options.encoding).toBe('ucs2');
    expect(form.splitChoice).toEqual({ profileId: 'a', split: 'sar' });
    expect(form.optionsForm.serviceType).toBe('CMT');
    expect(form.optionsForm.registeredDelivery).toBe(0);
    expect(store.getState().composeFocusRequests).toBe(1);
  });

  it('leaves the session alone when the one given is no longer bound', () => {
    const store = storeWithTwoSessions();
    store.getState().setComposeSession('s2');
    store.getState().startDraft(draft, 'gone');
    expect(store.getState().composeForm.chosenSessionId).toBe('s2');
    expect(store.getState().composeForm.splitChoice?.profileId).toBe('b');
  });

  it('opens a collapsed Compose pane and the column it is in', () => {
    const store = storeWithTwoSessions();
    store.getState().setPaneCollapsed('compose', true);
    store.getState().setPaneCollapsed('left', true);
    expect(store.getState().layout.collapsed).toMatchObject({ compose: true, left: true, sessions: false });
    store.getState().startDraft(draft);
    expect(store.getState().layout.collapsed).toMatchObject({ compose: false, left: false });
  });
});
