// How the trace names a session: its profile's name and a short id, and one of eight colours picked from the id
// (the same session is always the same colour). Live sessions and the trace store's list (earlier runs) together.
import type { SessionView, TraceSessionInfo } from '../../../shared/contract';
import { shortId } from '../format/display';

export const SESSION_COLOURS = 8;

export interface SessionLabel {
  name: string;
  short: string;
  colour: number;
}

export function sessionColour(sessionId: string): number {
  let hash = 0;
  for (let i = 0; i < sessionId.length; i += 1) hash = (hash * 31 + sessionId.charCodeAt(i)) >>> 0;
  return hash % SESSION_COLOURS;
}

export function sessionLabels(live: readonly Pick<SessionView, 'id' | 'profileName'>[], stored: readonly TraceSessionInfo[]): Map<string, SessionLabel> {
  const labels = new Map<string, SessionLabel>();
  for (const s of stored) labels.set(s.sessionId, { name: s.profileName, short: shortId(s.sessionId), colour: sessionColour(s.sessionId) });
  for (const s of live) labels.set(s.id, { name: s.profileName, short: shortId(s.id), colour: sessionColour(s.id) });
  return labels;
}

export function labelOf(labels: ReadonlyMap<string, SessionLabel>, sessionId: string): SessionLabel {
  return labels.get(sessionId) ?? { name: 'session', short: shortId(sessionId), colour: sessionColour(sessionId) };
}

/** "profile 1a2b3c4d": a session named in a select or a sentence. */
export function sessionName(labels: ReadonlyMap<string, SessionLabel>, sessionId: string): string {
  const label = labelOf(labels, sessionId);
  return `${label.name} ${label.short}`;
}
