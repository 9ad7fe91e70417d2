// Sessions region: pick a bind profile and connect; create, edit, duplicate, delete, export and import
// profiles; watch each ESME session's bind state and counters, and disconnect any that is still alive.
import { useId, type FormEvent } from 'react';
import type { ProfileView } from '../../../shared/contract';
import { useConsole } from '../store/console-context';
import { selectedProfile } from '../store/profiles-slice';
import { ImportReport } from './profiles/ImportReport';
import { ProfileActions } from './profiles/ProfileActions';
import { Region } from './Region';
import { ConnectPromptDialog } from './ConnectPromptDialog';
import { SessionTable } from './SessionTable';
import { shortId } from '../format/display';

function profileLabel(profile: ProfileView): string {
  // The simulator's address changes every run, so only real SMSC profiles show theirs.
  return profile.builtinSimulator ? profile.name : `${profile.name} — ${profile.host}:${profile.port}`;
}

export function Sessions() {
  const profiles = useConsole((state) => state.profiles);
  const profile = useConsole(selectedProfile);
  const chooseProfile = useConsole((state) => state.chooseProfile);
  const sessionsError = useConsole((state) => state.sessionsError);
  const profilesError = useConsole((state) => state.profilesError);
  const connect = useConsole((state) => state.connect);
  const profileSelectId = useId();
  const profileId = profile?.id ?? '';

  const onConnect = (event: FormEvent) => {
    event.preventDefault();
    if (profileId !== '') void connect({ profileId });
  };

  return (
    <Region title="Sessions" area="sessions" pane="sessions">
      <form className="toolbar" onSubmit={onConnect}>
        <label htmlFor={profileSelectId}>Profile</label>
        <select id={profileSelectId} value={profileId} onChange={(event) => chooseProfile(event.target.value)}>
          {profiles.length === 0 && <option value="">No profiles</option>}
          {profiles.map((option) => (
            <option key={option.id} value={option.id}>
              {profileLabel(option)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={profileId === ''}>
          Connect
        </button>
      </form>
      <ProfileActions profile={profile} />
      <ImportReport />
      {sessionsError !== null && (
        <p className="alert" role="alert">
          {sessionsError}
        </p>
      )}
      {profilesError !== null && (
        <p className="alert" role="alert">
          {profilesError}
        </p>
      )}
      <ScopeLine />
      <ConnectPromptDialog />
      <SessionTable />
    </Region>
  );
}

/** While one session is scoped: which, and the one click back to all. */
function ScopeLine() {
  const scope = useConsole((state) => state.scopeSessionId);
  const setScope = useConsole((state) => state.setScope);
  const name = useConsole((state) => state.sessions.find((s) => s.id === state.scopeSessionId)?.profileName ?? 'session');
  if (scope === null) return null;
  return (
    <p className="scope-line" role="status">
      Trace, Sent and Inbox show {name} <span className="mono">{shortId(scope)}</span> only.{' '}
      <button type="button" onClick={() => setScope(null)}>
        All sessions
      </button>
    </p>
  );
}
