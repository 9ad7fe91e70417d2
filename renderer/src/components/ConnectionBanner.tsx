// App-wide problems that no single region owns: the host link going away, and start-up loads that failed.
import { useConsole } from '../store/console-context';

export function ConnectionBanner() {
  const connectionLost = useConsole((state) => state.connectionLost);
  const loadErrors = useConsole((state) => state.loadErrors);
  if (!connectionLost && loadErrors.length === 0) return null;
  return (
    <div className="banner" role="alert">
      {connectionLost && (
        <p>
          The connection to the console host was lost. Nothing shown here updates until the page is reloaded.{' '}
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
      )}
      {loadErrors.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
