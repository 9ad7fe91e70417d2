// Who may bind, how, and how fast: the scenario's accounts, checked at bind time, and each account's throughput
// bucket shared by all its binds. With no accounts configured, any system_id and password bind in any mode.
import type { BindMode, SimulatorAccount } from '../../../shared/contract';

const ESME_RBINDFAIL = 0x0d;
const ESME_RINVPASWD = 0x0e;
const ESME_RINVSYSID = 0x0f;

/**
 * ESME_RTHROTTLED past N submits a second: a bucket of N tokens, refilled at N a second. A burst of N passes at
 * once; after that, one submit per 1/N s.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    now = performance.now(),
  ) {
    this.tokens = perSecond;
    this.last = now;
  }

  take(now = performance.now()): boolean {
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** An account as a bound session holds it: its settings and its throughput bucket (null = no limit). */
export interface BoundAccount {
  account: SimulatorAccount;
  bucket: TokenBucket | null;
}

export type BindVerdict = { ok: true; bound: BoundAccount } | { ok: false; status: number; why: string };

const ANY: SimulatorAccount = { systemId: '*', password: '', bindTypes: ['transmitter', 'receiver', 'transceiver'], window: 0, maxSubmitsPerSecond: 0 };

export class Accounts {
  private readonly bySystemId = new Map<string, BoundAccount>();
  private readonly wildcard: BoundAccount | null;

  constructor(accounts: readonly SimulatorAccount[]) {
    for (const account of accounts) {
      this.bySystemId.set(account.systemId, { account, bucket: account.maxSubmitsPerSecond > 0 ? new TokenBucket(account.maxSubmitsPerSecond) : null });
    }
    // '*' takes any system_id not listed by name; no accounts at all is the same as a '*' without limits.
    this.wildcard = this.bySystemId.get('*') ?? (accounts.length === 0 ? { account: ANY, bucket: null } : null);
  }

  /** The bind's verdict: the account it binds as, or the command_status that refuses it and why. */
  checkBind(bindType: BindMode, systemId: string, password: string): BindVerdict {
    const bound = this.bySystemId.get(systemId) ?? this.wildcard;
    if (!bound) return { ok: false, status: ESME_RINVSYSID, why: `no account "${systemId}"` };
    const { account } = bound;
    if (account.password !== '' && password !== account.password) return { ok: false, status: ESME_RINVPASWD, why: `wrong password for "${systemId}"` };
    if (!account.bindTypes.includes(bindType)) {
      return { ok: false, status: ESME_RBINDFAIL, why: `"${systemId}" may bind as ${account.bindTypes.join(' or ')}, not ${bindType}` };
    }
    return { ok: true, bound };
  }
}
