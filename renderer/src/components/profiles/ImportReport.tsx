// What the last import did: how many profiles came in, and each one refused with its reason (a profile is
// checked whole, so a refused one is not half-saved). Stays until dismissed: errors are read, then fixed.
import { useConsole } from '../../store/console-context';

export function ImportReport() {
  const report = useConsole((state) => state.importReport);
  const dismiss = useConsole((state) => state.dismissImportReport);
  if (report === null) return null;
  return (
    <div className="import-report">
      <p role="status">
        Imported {report.imported} {report.imported === 1 ? 'profile' : 'profiles'}
        {report.errors.length > 0 && `; ${report.errors.length} not imported:`}
      </p>
      <button type="button" aria-label="Dismiss import report" onClick={dismiss}>
        Dismiss
      </button>
      {report.errors.length > 0 && (
        <div role="alert" className="alert">
          <ul>
            {report.errors.map((error, index) => (
              <li key={index}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
