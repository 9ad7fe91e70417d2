// A ManagedSession with a real TraceHub over a temporary database, for reconnect and flow-control tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileSettings, TraceSummary } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { consoleDiagnostics } from '../../electron/core/diagnostics/console-diagnostics';
import { ManagedSession } from '../../electron/core/sessions/managed-session';
import { openDatabase } from '../../electron/core/store/database';
import { TraceRepo } from '../../electron/core/store/trace-repo';
import { TraceHub } from '../../electron/core/trace/trace-hub';

export function managedSession(port: number, settings: Partial<ProfileSettings> = {}, password = '') {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-managed-'));
  const db = openDatabase(dir);
  const trace: TraceSummary[] = [];
  const { diagnostics, health } = consoleDiagnostics(join(dir, 'logs'));
  const hub = new TraceHub(new TraceRepo(db), { onBatch: (batch) => trace.push(...batch), diagnostics, health });
  const profile = { ...DEFAULT_PROFILE_SETTINGS, systemId: 'test', enquireLinkIntervalMs: 0, ...settings, id: 'p1', builtinSimulator: false };
  const session = new ManagedSession('s1', profile, {
    password, target: { host: '127.0.0.1', port }, trace: hub, diagnostics, onDeliver: async () => 0,
  });
  const notes = () => {
    hub.flush();
    return trace.filter((t) => t.direction === 'event').map((t) => `${t.commandName}: ${t.summary}`);
  };
  const dispose = async () => {
    await session.close().catch(() => undefined);
    hub.close();
    health.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { session, notes, trace: () => (hub.flush(), trace), dispose };
}
