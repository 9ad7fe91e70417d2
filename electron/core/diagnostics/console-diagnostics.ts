// The diagnostics pair every part of core reports to: the error log (in the data folder, or stderr when there is
// none, as in the benchmark) and the database's write health.
import type { StoreHealth } from '../../../shared/contract';
import { Diagnostics } from './diagnostics';
import { RotatingLog } from './rotating-log';
import { StoreHealthMonitor } from './store-health';

export interface ConsoleDiagnostics {
  diagnostics: Diagnostics;
  health: StoreHealthMonitor;
}

export function consoleDiagnostics(logDir: string | null, publishHealth: (health: StoreHealth) => void = () => undefined): ConsoleDiagnostics {
  const diagnostics = new Diagnostics(logDir === null ? null : new RotatingLog({ dir: logDir }));
  return { diagnostics, health: new StoreHealthMonitor(diagnostics, publishHealth) };
}
