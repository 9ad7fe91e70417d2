// Which session Compose sends on, and what Compose needs to know of each bound session and of its profile. Pure, so
// the compose slice (startDraft, the split choice) and the Compose pane decide the same way from the same state.
import type { ProfileView, SessionView, SplitMethod } from '../../../shared/contract';
import { DEFAULT_COMPOSE_OPTIONS } from './compose-options';

/** A bound session as the Session select lists it: only what the option shows and what decides sending. */
export interface BoundSession {
  id: string;
  profileId: string;
  profileName: string;
  smscSystemId: string | null;
  /** A receiver (RX) bind: listed, marked, and cannot send (SMSCs refuse submit_sm on it). */
  receiveOnly: boolean;
}

/** Bound sessions, newest first. Built from fields that stay put while counters tick, so rows compare equal. */
export function boundSessionsOf(sessions: readonly SessionView[], profiles: readonly ProfileView[]): BoundSession[] {
  const rows: BoundSession[] = [];
  for (let i = sessions.length - 1; i >= 0; i--) {
    const session = sessions[i]!;
    if (session.state !== 'bound') continue;
    rows.push({
      id: session.id,
      profileId: session.profileId,
      profileName: session.profileName,
      smscSystemId: session.smscSystemId,
      receiveOnly: profiles.find((p) => p.id === session.profileId)?.bindMode === 'receiver',
    });
  }
  return rows;
}

/**
 * The session picked in Compose while it is bound; otherwise (nothing picked, or the picked one unbound) the newest
 * bound session that can submit, else the newest bound one; '' when none is bound.
 */
export function composeSessionId(bound: readonly BoundSession[], chosen: string): string {
  if (bound.some((s) => s.id === chosen)) return chosen;
  return bound.find((s) => !s.receiveOnly)?.id ?? bound[0]?.id ?? '';
}

/** What the session's profile says about counting and splitting (the contract's defaults without a profile). */
export interface ComposeProfileSettings {
  defaultAlphabet: ProfileView['defaultAlphabet'];
  submitMulti: boolean;
  defaultSplit: SplitMethod;
}

export function composeProfileSettings(profiles: readonly ProfileView[], profileId: string | undefined): ComposeProfileSettings {
  const profile = profiles.find((p) => p.id === profileId);
  return {
    defaultAlphabet: profile?.defaultAlphabet ?? 'gsm7',
    submitMulti: profile?.submitMulti ?? false,
    defaultSplit: profile?.defaultSplit ?? DEFAULT_COMPOSE_OPTIONS.split,
  };
}
