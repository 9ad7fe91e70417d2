// A ManagedSession with a real TraceHub over a temporary trace store, for reconnect and flow-control tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileSettings, TraceSummary } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { ManagedSession } from '../../electron/core/sessions/managed-session';
import { startTraceHub } from './trace-fixture';

export async function managedSession(port: number, settings: Partial<ProfileSettings> = {}, password = '') {
  const dir = mkdtempSync(join(tmpdir(), 'smpp-console-managed-'));
  const trace: TraceSummary[] = [];
  const { hub, diagnostics, close } = await startTraceHub(dir, { onBatch: (batch) => trace.push(...batch.rows) });
  const profile = { ...DEFAULT_PROFILE_SETTINGS, systemId: 'test', enquireLinkIntervalMs: 0, ...settings, id: 'p1', builtinSimulator: false, hasPassword: password !== '' };
  const session = new ManagedSession('s1', profile, {
    password: () => password, target: { host: '127.0.0.1', port }, trace: hub, diagnostics, onDeliver: async () => 0,
  });
  const notes = () => {
    hub.flush();
    return trace.filter((t) => t.direction === 'event').map((t) => `${t.commandName}: ${t.summary}`);
  };
  const dispose = async () => {
    await session.close().catch(() => undefined);
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { session, notes, trace: () => (hub.flush(), trace), dispose };
}
