// The simulator's pieces that need no socket: the scenario document (defaults, round trip, errors), the receipt
// plan, rules, accounts and throughput, message_ids unique across restarts, and the activity log's budget.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Accounts, TokenBucket } from '../../electron/core/simulator/accounts';
import { ActivityLog } from '../../electron/core/simulator/activity-log';
import { MessageIds } from '../../electron/core/simulator/message-ids';
import { planReceipt } from '../../electron/core/simulator/receipts-plan';
import { Rules } from '../../electron/core/simulator/rules';
import { DEFAULT_RECEIPTS, checkScenario, checkScenarioJson, defaultScenario } from '../../electron/core/simulator/scenario-schema';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('scenario document', () => {
  it('fills every field left out with its default', () => {
    expect(checkScenario({ name: 'x' })).toEqual({
      ok: true,
      scenario: {
        name: 'x', description: '', smscSystemId: 'SMPPConsoleSim', messageIdFormat: 'hex', enquireLinkIntervalMs: 0, seed: null, accounts: [],
        receipts: DEFAULT_RECEIPTS, rules: [],
      },
    });
    const account = checkScenario({ name: 'x', accounts: [{ systemId: 'a' }], rules: [{ action: 'ignore' }] });
    expect(account.ok && account.scenario.accounts[0]).toEqual({ systemId: 'a', password: '', bindTypes: ['transmitter', 'receiver', 'transceiver'], window: 0, maxSubmitsPerSecond: 0 });
    expect(account.ok && account.scenario.rules[0]).toEqual({ name: '', match: { destinationPrefix: '', systemId: '' }, action: 'ignore', status: '', delayMs: 0, receipts: {} });
  });

  it('round-trips through JSON unchanged', () => {
    const full = defaultScenario({
      name: 'round trip', seed: 42, messageIdFormat: 'uuid',
      accounts: [{ systemId: '*', password: 'pw', bindTypes: ['receiver'], window: 5, maxSubmitsPerSecond: 100 }],
      rules: [{ name: 'r', match: { destinationPrefix: '44', systemId: 'a' }, action: 'reject', status: '0x00000400', delayMs: 10, receipts: { tlvs: false } }],
    });
    const again = checkScenarioJson(JSON.stringify(full));
    expect(again).toEqual({ ok: true, scenario: full });
  });

  it.each([
    [{ accounts: [{ systemId: 'a', window: 100_001 }] }, 'accounts[0].window: 100,000 at most'],
    [{ accounts: [{ systemId: 'a' }, { systemId: 'a' }] }, 'accounts[1].systemId: "a" is listed twice'],
    [{ accounts: [{ systemId: 'a-very-long-system-id' }] }, 'accounts[0].systemId: 15 characters at most (system_id is a C-Octet String of 16 octets with its NUL)'],
    [{ accounts: [{ systemId: 'a', password: '123456789' }] }, 'accounts[0].password: 8 characters at most (password is a C-Octet String of 9 octets with its NUL)'],
    [{ accounts: [{ systemId: 'a', bindTypes: ['tx'] }] }, 'accounts[0].bindTypes[0]: bindTypes: transmitter, receiver or transceiver'],
    [{ receipts: { outcomes: [{ stat: 'DELIVRD', weight: 0 }] } }, 'receipts.outcomes: the weights add up to 0: give one outcome a weight above 0'],
    [{ receipts: { outcomes: [{ stat: 'ENROUTE', weight: 1 }] } }, 'receipts.outcomes[0].stat: stat: DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN or REJECTD'],
    [{ receipts: { delay: { kind: 'normal' } } }, 'receipts.delay.kind: kind: fixed (with ms) or uniform (with minMs and maxMs)'],
    [{ rules: [{ action: 'reject', status: 'ESME_NOPE' }] }, 'rules[0].status: "ESME_NOPE" is not a command_status that refuses (a name such as ESME_RSUBMITFAIL, or 0x-hex above 0)'],
    [{ rules: [{ action: 'accept', delayMs: 600_001 }] }, 'rules[0].delayMs: 600,000 ms at most'],
    [{ enquireLinkIntervalMs: 5 }, 'enquireLinkIntervalMs: 0 (none) or 10 ms at least'],
    [{ name: '../etc' }, 'name: 1–64 characters: letters, digits, space, ".", "_" and "-", starting with a letter or digit'],
    [{ rules: [{ action: 'accept', match: { prefix: '44' } }] }, 'rules[0].match: unknown field "prefix"'],
  ])('refuses %j: %s', (patch, message) => {
    const checked = checkScenario({ name: 'x', ...patch });
    expect(checked.ok ? 'accepted' : checked.message).toBe(message);
  });

  it('the README’s example is a valid scenario', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /## The simulator as a test SMSC[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const checked = checkScenarioJson(example);
    expect(checked.ok ? checked.scenario.rules.map((r) => r.action) : checked.message).toEqual(['reject', 'ignore', 'accept']);
  });

  it('says when there is more than one problem, and when the text is not JSON', () => {
    const checked = checkScenario({ name: 'x', seed: -1, accounts: [{ systemId: '' }] });
    expect(!checked.ok && checked.message).toBe('seed: 0 at least (and 1 more problem)');
    expect(checkScenarioJson('{').ok).toBe(false);
  });
});

describe('receipt plan', () => {
  const settings = (patch = {}) => ({ ...DEFAULT_RECEIPTS, ...patch });
  const delivered = settings();
  const failed = settings({ outcomes: [{ stat: 'UNDELIV', weight: 1 }] });

  it('follows registered_delivery: 0 none, 1 any, 2 failure only, 3 success only', () => {
    const send = (s: typeof delivered, registered: number) => planReceipt(s, registered, Math.random).sendFinal;
    expect([0, 1, 2, 3].map((r) => send(delivered, r))).toEqual([false, true, false, true]);
    expect([0, 1, 2, 3].map((r) => send(failed, r))).toEqual([false, true, true, false]);
  });

  it('an intermediate notification half-way, when asked for a receipt or intermediate notifications (bit 4)', () => {
    const withIntermediate = settings({ intermediate: true, delay: { kind: 'fixed', ms: 300 } });
    expect(planReceipt(withIntermediate, 1, Math.random).intermediateAfterMs).toBe(150);
    expect(planReceipt(withIntermediate, 0x10, Math.random)).toMatchObject({ intermediateAfterMs: 150, sendFinal: false });
    expect(planReceipt(withIntermediate, 0, Math.random).intermediateAfterMs).toBeNull();
    expect(planReceipt(delivered, 1, Math.random).intermediateAfterMs).toBeNull();
  });

  it('a uniform delay stays within its bounds; the mix follows the weights', () => {
    const uniform = settings({ delay: { kind: 'uniform', minMs: 100, maxMs: 200 }, outcomes: [{ stat: 'DELIVRD', weight: 3 }, { stat: 'EXPIRED', weight: 1, err: 9 }] });
    const plans = Array.from({ length: 4000 }, () => planReceipt(uniform, 1, Math.random));
    expect(Math.min(...plans.map((p) => p.finalAfterMs))).toBeGreaterThanOrEqual(100);
    expect(Math.max(...plans.map((p) => p.finalAfterMs))).toBeLessThanOrEqual(200);
    const expired = plans.filter((p) => p.stat === 'EXPIRED');
    expect(expired.length / plans.length).toBeGreaterThan(0.2);
    expect(expired.length / plans.length).toBeLessThan(0.3);
    expect(expired.every((p) => p.err === 9)).toBe(true);
  });
});

describe('rules and accounts', () => {
  it('the first rule whose conditions all hold decides; none: accept with the scenario’s receipts', () => {
    const scenario = defaultScenario({
      rules: [
        { name: '', match: { destinationPrefix: '44', systemId: 'a' }, action: 'reject', status: 'ESME_RINVDSTADR', delayMs: 0, receipts: {} },
        { name: 'slow', match: { destinationPrefix: '44', systemId: '' }, action: 'accept', status: '', delayMs: 50, receipts: { tlvs: false } },
      ],
    });
    const rules = new Rules(scenario);
    expect(rules.decide('a', '447700')).toMatchObject({ label: 'rule 1', action: 'reject', commandStatus: 0x0b });
    expect(rules.decide('b', '447700')).toMatchObject({ label: 'slow', action: 'accept', delayMs: 50, receipts: { ...DEFAULT_RECEIPTS, tlvs: false } });
    expect(rules.decide('a', '337700')).toMatchObject({ label: null, action: 'accept', delayMs: 0, receipts: DEFAULT_RECEIPTS });
  });

  it('binds: by name, else "*", else ESME_RINVSYSID; no accounts binds anyone', () => {
    const account = (systemId: string, password = '') => ({ systemId, password, bindTypes: ['transceiver' as const], window: 0, maxSubmitsPerSecond: 0 });
    const accounts = new Accounts([account('a', 'pw'), account('*')]);
    expect(accounts.checkBind('transceiver', 'a', 'pw')).toMatchObject({ ok: true, bound: { account: { systemId: 'a' } } });
    expect(accounts.checkBind('transceiver', 'a', 'no')).toMatchObject({ ok: false, status: 0x0e });
    expect(accounts.checkBind('transceiver', 'zz', 'anything')).toMatchObject({ ok: true, bound: { account: { systemId: '*' } } });
    expect(accounts.checkBind('receiver', 'zz', '')).toMatchObject({ ok: false, status: 0x0d });
    expect(new Accounts([account('a')]).checkBind('transceiver', 'b', '')).toMatchObject({ ok: false, status: 0x0f });
    expect(new Accounts([]).checkBind('receiver', 'anyone', 'anything').ok).toBe(true);
  });

  it('throughput: a burst of N, then N a second', () => {
    const bucket = new TokenBucket(4, 0);
    expect([0, 1, 2, 3, 4].map(() => bucket.take(10))).toEqual([true, true, true, true, false]);
    expect(bucket.take(260)).toBe(true); // a quarter of a second later: one token
    expect(bucket.take(261)).toBe(false);
  });
});

describe('message_ids', () => {
  const stateDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'smpp-ids-'));
    dirs.push(dir);
    return join(dir, 'message-ids.json');
  };

  it('hex, decimal and UUID forms of one growing number; the other base of each', () => {
    const ids = new MessageIds({ format: 'hex', stateFile: null, now: 1_800_000_000_000 });
    const hex = ids.allocate();
    expect(hex).toBe((1_800_000_000_000n * 4096n).toString(16).toUpperCase().padStart(16, '0'));
    expect(ids.otherBase(hex)).toBe((1_800_000_000_000n * 4096n).toString());
    ids.setFormat('decimal');
    const decimal = ids.allocate();
    expect(decimal).toBe((1_800_000_000_000n * 4096n + 1n).toString());
    expect(ids.otherBase(decimal)).toBe((1_800_000_000_000n * 4096n + 1n).toString(16).toUpperCase());
    ids.setFormat('uuid');
    const uuid = ids.allocate();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const digits = uuid.replaceAll('-', '');
    const number = digits.slice(0, 12) + digits.slice(13, 16) + ((Number.parseInt(digits[16]!, 16) & 3) * 4 + Number.parseInt(digits[17]!, 16)).toString(16);
    expect(BigInt(`0x${number}`)).toBe(1_800_000_000_000n * 4096n + 2n);
  });

  it('never repeat across restarts on the same state file, even when the clock went back', () => {
    const file = stateDir();
    const first = new MessageIds({ format: 'decimal', stateFile: file, now: 2_000_000_000_000 });
    const issued = Array.from({ length: 5 }, () => BigInt(first.allocate()));
    // the block is on disk before its first id was handed out
    expect(BigInt(JSON.parse(readFileSync(file, 'utf8')).reservedUpTo)).toBeGreaterThan(issued.at(-1)!);
    const earlierClock = new MessageIds({ format: 'decimal', stateFile: file, now: 1_000_000_000_000 });
    const next = BigInt(earlierClock.allocate());
    expect(next).toBeGreaterThan(issued.at(-1)!);
    expect(next).toBe(BigInt(JSON.parse(readFileSync(file, 'utf8')).reservedUpTo) - (1n << 20n));
  });

  it('without a state file, a later start is above everything an earlier run could have issued', () => {
    const earlier = new MessageIds({ format: 'decimal', stateFile: null, now: 1_000 });
    const lots = Array.from({ length: 4096 }, () => BigInt(earlier.allocate()));
    const later = new MessageIds({ format: 'decimal', stateFile: null, now: 1_001 });
    expect(BigInt(later.allocate())).toBeGreaterThan(lots.at(-1)!);
  });
});

describe('activity log', () => {
  it('keeps session events always, message events up to a budget a second, and says how many it left out', () => {
    const seen: string[] = [];
    let clock = 5_000;
    const log = new ActivityLog({ messagesPerSecond: 3, onEntry: (e) => seen.push(e.text), now: () => clock });
    log.note('s1', 'bound');
    for (let i = 0; i < 10; i += 1) log.message('s1', () => `m${i}`);
    clock = 6_000;
    log.message('s1', 'next second');
    log.close();
    expect(seen).toEqual(['bound', 'm0', 'm1', 'm2', '… and 7 more message events in that second (not listed one by one)', 'next second']);
    expect(log.recent().map((e) => e.text)).toEqual(seen);
  });
});
