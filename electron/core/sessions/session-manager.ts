// The open ESME sessions: any number, each with its own state; the same profile may be opened twice.
import { randomUUID } from 'node:crypto';
import type { SessionView } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import type { ConsoleEventBus } from '../api/event-bus';
import { EsmeSession } from '../smpp/esme-session';
import type { Pdu } from '../smpp/pdu-codec';
import type { Profile, ProfilesRepo } from '../store/profiles-repo';
import type { TraceHub } from '../trace/trace-hub';

export interface SessionManagerDeps {
  profiles: ProfilesRepo;
  trace: TraceHub;
  events: ConsoleEventBus;
  /** Where a profile connects: the simulator profile follows wherever the simulator listens this run. */
  targetOf: (profile: Profile) => { host: string; port: number };
  onDeliver: (session: OpenSession, pdu: Pdu) => Promise<number>;
}

export interface OpenSession {
  id: string;
  profile: Profile;
  esme: EsmeSession;
}

export class SessionManager {
  private readonly sessions = new Map<string, OpenSession>();

  constructor(private readonly deps: SessionManagerDeps) {}

  list(): SessionView[] {
    return [...this.sessions.values()].map(view);
  }

  get(sessionId: string): OpenSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new ConsoleInputError(`no session ${sessionId}`, 'sessionId');
    return session;
  }

  /** Opens and binds; resolves with the bound session, or rejects with the reason (the session shows closed). */
  async connect(profileId: string): Promise<SessionView> {
    const profile = this.deps.profiles.get(profileId);
    if (!profile) throw new ConsoleInputError(`no profile ${profileId}`, 'profileId');
    const id = randomUUID();
    const target = this.deps.targetOf(profile);
    const esme: EsmeSession = new EsmeSession({
      ...target,
      bindMode: profile.bindMode, systemId: profile.systemId, password: this.deps.profiles.password(profile.id),
      systemType: profile.systemType, interfaceVersion: profile.interfaceVersion, addrTon: profile.addrTon,
      addrNpi: profile.addrNpi, addressRange: profile.addressRange, enquireLinkIntervalMs: profile.enquireLinkIntervalMs,
      responseTimeoutMs: profile.responseTimeoutMs, windowSize: profile.windowSize,
      trace: this.deps.trace.sinkFor(id),
      onDeliver: (pdu) => this.deps.onDeliver(session, pdu),
    });
    const session: OpenSession = { id, profile, esme };
    this.sessions.set(id, session);
    esme.on('state', () => this.deps.events.emit('session', view(session)));
    await esme.open();
    return view(session);
  }

  async disconnect(sessionId: string): Promise<SessionView> {
    const session = this.get(sessionId);
    await session.esme.close();
    return view(session);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.esme.close().catch(() => undefined)));
  }
}

function view(session: OpenSession): SessionView {
  return {
    id: session.id, profileId: session.profile.id, profileName: session.profile.name, state: session.esme.state,
    smscSystemId: session.esme.smscSystemId, closeReason: session.esme.closeReason,
  };
}
