// The open sessions: any number, each with its own state and counters; the same profile may be opened twice.
// Counter changes are coalesced into at most a few session events a second; state changes go out at once.
import { randomUUID } from 'node:crypto';
import type { ConnectRequest, SessionView } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import type { ConsoleEventBus } from '../api/event-bus';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { Pdu } from '../smpp/pdu-codec';
import type { Profile, ProfilesRepo } from '../store/profiles-repo';
import type { TraceHub } from '../trace/trace-hub';
import { ManagedSession } from './managed-session';

/** How often counters may refresh a session row at most. */
const COUNTER_EVENT_INTERVAL_MS = 250;

export interface SessionManagerDeps {
  profiles: ProfilesRepo;
  trace: TraceHub;
  events: ConsoleEventBus;
  diagnostics: Diagnostics;
  /** Where a profile connects: the simulator profile follows wherever the simulator listens this run. */
  targetOf: (profile: Profile) => { host: string; port: number };
  onDeliver: (session: ManagedSession, pdu: Pdu) => Promise<number>;
}

export class SessionManager {
  private readonly sessions = new Map<string, ManagedSession>();
  private readonly pendingEvents = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: SessionManagerDeps) {}

  list(): SessionView[] {
    return [...this.sessions.values()].map((s) => s.view());
  }

  get(sessionId: string): ManagedSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new ConsoleInputError(`no session ${sessionId}`, 'sessionId');
    return session;
  }

  /**
   * Opens and binds; resolves with the bound session, or rejects with the reason (the session stays listed). A
   * profile whose password this run lacks is not bound with an empty one: the request must bring it. A second live
   * session of one profile (SMSCs count binds per account) needs `secondBind`.
   */
  async connect(request: ConnectRequest): Promise<SessionView> {
    const { profileId } = request;
    const profile = this.deps.profiles.get(profileId);
    if (!profile) throw new ConsoleInputError(`no profile ${profileId}`, 'profileId');
    if (request.password !== undefined) this.deps.profiles.supplyPassword(profile.id, request.password, request.rememberPassword ?? false);
    else if (this.deps.profiles.view(profile).passwordMissing) {
      throw new ConsoleInputError(
        `password: "${profile.name}" binds with a password this run does not have (it was kept for the last run only) — enter it; an empty one is never sent`,
        'password',
      );
    }
    const live = [...this.sessions.values()].find((s) => s.profile.id === profileId && s.state !== 'closed');
    if (live && !request.secondBind) {
      throw new ConsoleInputError(`secondBind: "${profile.name}" already has a session (${live.state}); bind it a second time?`, 'secondBind');
    }
    const session = new ManagedSession(randomUUID(), profile, {
      password: () => this.deps.profiles.password(profile.id),
      target: this.deps.targetOf(profile),
      trace: this.deps.trace,
      diagnostics: this.deps.diagnostics,
      onDeliver: (s, pdu) => this.deps.onDeliver(s, pdu),
    });
    this.sessions.set(session.id, session);
    this.deps.trace.sessionStarted({ sessionId: session.id, profileName: profile.name, startedAt: Date.now() });
    session.on('changed', (urgent) => this.publish(session, urgent));
    await session.open();
    return session.view();
  }

  async disconnect(sessionId: string): Promise<SessionView> {
    const session = this.get(sessionId);
    await session.close();
    return session.view();
  }

  /** A closed session bound again in its own row. */
  async reconnect(sessionId: string): Promise<SessionView> {
    const session = this.get(sessionId);
    if (session.state !== 'closed') throw new ConsoleInputError(`sessionId: the session is ${session.state}; only a closed one reconnects`, 'sessionId');
    if (this.deps.profiles.view(session.profile).passwordMissing) {
      throw new ConsoleInputError(`password: "${session.profile.name}" needs its password again — use Connect to enter it`, 'password');
    }
    await session.reopen();
    return session.view();
  }

  /** Takes closed sessions off the list; a live one is refused by name. */
  dismiss(sessionIds: string[] | 'closed'): { dismissed: string[] } {
    const chosen = sessionIds === 'closed' ? [...this.sessions.values()].filter((s) => s.state === 'closed') : sessionIds.map((id) => this.get(id));
    const live = chosen.find((s) => s.state !== 'closed');
    if (live) throw new ConsoleInputError(`sessionIds: ${live.profile.name} is ${live.state}; disconnect it first`, 'sessionIds');
    for (const session of chosen) {
      session.removeAllListeners('changed');
      this.sessions.delete(session.id);
      this.deps.events.emit('sessionRemoved', session.id);
    }
    return { dismissed: chosen.map((s) => s.id) };
  }

  async closeAll(): Promise<void> {
    for (const timer of this.pendingEvents.values()) clearTimeout(timer);
    await Promise.all(
      [...this.sessions.values()].map((s) => s.close().catch((error: unknown) => this.deps.diagnostics.report(error, { where: 'closing the session at shutdown', sessionId: s.id }))),
    );
  }

  private publish(session: ManagedSession, urgent: boolean): void {
    const pending = this.pendingEvents.get(session.id);
    if (urgent) {
      if (pending) clearTimeout(pending);
      this.pendingEvents.delete(session.id);
      this.deps.events.emit('session', session.view());
      return;
    }
    if (pending) return;
    this.pendingEvents.set(
      session.id,
      setTimeout(() => {
        this.pendingEvents.delete(session.id);
        this.deps.events.emit('session', session.view());
      }, COUNTER_EVENT_INTERVAL_MS),
    );
  }
}
