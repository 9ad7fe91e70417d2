// What the host asks before it binds: the password a profile needs and this run does not have (the browser host
// kept it for its last run only — an empty one is never sent: SMSCs count failed logins and lock accounts), or a
// yes to a second bind of a profile that already has a session (SMSCs limit binds per account).
import { useId, useState, type FormEvent } from 'react';
import { useConsole } from '../store/console-context';
import { Modal } from './Modal';

export function ConnectPromptDialog() {
  const prompt = useConsole((state) => state.connectPrompt);
  const cancel = useConsole((state) => state.cancelConnectPrompt);
  if (!prompt) return null;
  return prompt.kind === 'password' ? <PasswordPrompt key={prompt.request.profileId} onCancel={cancel} /> : <SecondBindPrompt onCancel={cancel} />;
}

function PasswordPrompt({ onCancel }: { onCancel: () => void }) {
  const prompt = useConsole((state) => state.connectPrompt)!;
  const connect = useConsole((state) => state.connect);
  const ids = { heading: useId(), password: useId(), remember: useId(), why: useId() };
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connect({ ...prompt.request, password, rememberPassword: remember });
  };
  return (
    <Modal labelledBy={ids.heading} describedBy={ids.why} onClose={onCancel}>
      <h2 id={ids.heading}>Password needed</h2>
      <p id={ids.why}>{prompt.message.replace(/^password: /, '')}</p>
      <form onSubmit={submit}>
        <label htmlFor={ids.password}>Password</label>
        <input id={ids.password} type="password" autoComplete="off" value={password} onChange={(event) => setPassword(event.target.value)} data-autofocus />
        <span className="compose__check">
          <input id={ids.remember} type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          <label htmlFor={ids.remember}>Remember password (kept unencrypted in the data folder)</label>
        </span>
        <div className="operation__buttons">
          <button type="submit" disabled={password === ''}>
            Bind
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

function SecondBindPrompt({ onCancel }: { onCancel: () => void }) {
  const prompt = useConsole((state) => state.connectPrompt)!;
  const connect = useConsole((state) => state.connect);
  const ids = { heading: useId(), why: useId() };
  return (
    <Modal labelledBy={ids.heading} describedBy={ids.why} onClose={onCancel}>
      <h2 id={ids.heading}>Bind a second time?</h2>
      <p id={ids.why}>{prompt.message.replace(/^secondBind: /, '')} Many SMSCs allow one bind per account, or a few.</p>
      <div className="operation__buttons">
        <button type="button" onClick={() => void connect({ ...prompt.request, secondBind: true })}>
          Bind again
        </button>
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
