// Where the simulator listens: a port (0 = any free one) and, optionally, TLS with a certificate and key from PEM
// files on the host's disk. Listen closes the connections open now (their ESMEs reconnect); Stop closes them all.
import { useId, useState, type FormEvent } from 'react';
import { useConsole } from '../../store/console-context';

export function SimulatorListen() {
  const listening = useConsole((state) => state.simulatorStatus?.listening ?? null);
  const listen = useConsole((state) => state.listenSimulator);
  const stop = useConsole((state) => state.stopSimulator);
  const ids = { port: useId(), tls: useId(), cert: useId(), key: useId() };
  const [port, setPort] = useState<number | null>(null);
  const [tls, setTls] = useState(false);
  const [certFile, setCertFile] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const shownPort = port ?? listening?.port ?? 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void listen({ port: shownPort, tls: tls ? { certFile, keyFile } : null });
  };
  return (
    <form className="toolbar simulator__listen" aria-label="Simulator address" onSubmit={submit}>
      <label htmlFor={ids.port}>Simulator port</label>
      <input id={ids.port} type="number" min={0} max={65535} value={shownPort} onChange={(event) => setPort(Number(event.target.value))} />
      <input id={ids.tls} type="checkbox" checked={tls} onChange={(event) => setTls(event.target.checked)} />
      <label htmlFor={ids.tls}>TLS</label>
      {tls && (
        <>
          <label htmlFor={ids.cert}>Certificate file (PEM)</label>
          <input id={ids.cert} className="mono" value={certFile} onChange={(event) => setCertFile(event.target.value)} />
          <label htmlFor={ids.key}>Key file (PEM)</label>
          <input id={ids.key} className="mono" value={keyFile} onChange={(event) => setKeyFile(event.target.value)} />
        </>
      )}
      <button type="submit">{listening ? 'Listen again' : 'Start listening'}</button>
      <button type="button" disabled={listening === null} onClick={() => void stop()}>
        Stop listening
      </button>
    </form>
  );
}
