// App-wide problems that no single region owns: the host link going away, start-up loads that failed, and a
// database that has stopped taking writes.
import { useConsole } from '../store/console-context';
import { StoreFailure } from './StoreFailure';

export function ConnectionBanner() {
  const connectionLost = useConsole((state) => state.connectionLost);
  const loadErrors = useConsole((state) => state.loadErrors);
  const storeFailing = useConsole((state) => state.storeHealth?.state === 'failing');
  if (!connectionLost && loadErrors.length === 0 && !storeFailing) return null;
  return (
    <div className="banner" role="alert">
      {storeFailing && <StoreFailure />}
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
