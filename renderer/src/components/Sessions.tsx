// Sessions region: pick a bind profile, connect, and watch each ESME session's bind state; disconnect any
// session that is not closed yet.
import { useId, useState, type FormEvent } from 'react';
import type { ProfileView, SessionView } from '../../../shared/contract';
import { shortId } from '../format/display';
import { sessionTone } from '../format/tones';
import { useConsole } from '../store/console-context';
import { Region } from './Region';
import { StatusWord } from './StatusWord';

function profileLabel(profile: ProfileView): string {
  // The simulator's address changes every run, so only real SMSC profiles show theirs.
  return profile.builtinSimulator ? profile.name : `${profile.name} — ${profile.host}:${profile.port}`;
}

export function Sessions() {
  const profiles = useConsole((state) => state.profiles);
  const sessions = useConsole((state) => state.sessions);
  const error = useConsole((state) => state.sessionsError);
  const connect = useConsole((state) => state.connect);
  const profileSelectId = useId();
  const [chosenProfileId, setChosenProfileId] = useState('');
  const profileId = profiles.some((p) => p.id === chosenProfileId) ? chosenProfileId : (profiles[0]?.id ?? '');

  const onConnect = (event: FormEvent) => {
    event.preventDefault();
    if (profileId !== '') void connect(profileId);
  };

  return (
    <Region title="Sessions" area="sessions">
      <form className="toolbar" onSubmit={onConnect}>
        <label htmlFor={profileSelectId}>Profile</label>
        <select id={profileSelectId} value={profileId} onChange={(event) => setChosenProfileId(event.target.value)}>
          {profiles.length === 0 && <option value="">No profiles</option>}
          {profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profileLabel(profile)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={profileId === ''}>
          Connect
        </button>
      </form>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <SessionTable sessions={sessions} />
    </Region>
  );
}

function SessionTable({ sessions }: { sessions: SessionView[] }) {
  if (sessions.length === 0) return <p className="muted">No sessions yet: pick a profile and Connect.</p>;
  return (
    <table className="dense" aria-label="Session list">
      <thead>
        <tr>
          <th scope="col">Profile</th>
          <th scope="col">State</th>
          <th scope="col" title="system_id from the SMSC's bind response">
            SMSC
          </th>
          <th scope="col">Close reason</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {/* Newest first: the session just connected is the one being watched. */}
        {sessions.toReversed().map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </tbody>
    </table>
  );
}

function SessionRow({ session }: { session: SessionView }) {
  const disconnect = useConsole((state) => state.disconnect);
  return (
    <tr data-state={session.state}>
      <td className="wrap" title={`Session ${session.id}`}>
        {session.profileName} <span className="mono muted">{shortId(session.id)}</span>
      </td>
      <td>
        <StatusWord tone={sessionTone(session.state)}>{session.state}</StatusWord>
      </td>
      <td className="mono">{session.state === 'bound' ? (session.smscSystemId ?? '') : ''}</td>
      <td className="wrap">{session.state === 'closed' ? (session.closeReason ?? '') : ''}</td>
      <td>
        {session.state !== 'closed' && (
          // The visible word starts the accessible name, which adds the profile to tell rows apart.
          <button
            type="button"
            aria-label={`Disconnect ${session.profileName}`}
            onClick={() => void disconnect(session.id)}
          >
            Disconnect
          </button>
        )}
      </td>
    </tr>
  );
}
