// The simulator's scenario document, checked with zod before anything uses it: from a file (headless mode), an
// import, or the contract. Every message names the field by its path in the document (accounts[0].window) and the
// limit, and a misspelt key is an error rather than silently ignored. Fields left out take the defaults below.
import { z } from 'zod';
import {
  bindModes, finalReceiptStats, messageIdFormats, receiptCommands, receiptIdModes, ruleActions,
  type ReceiptSettings, type SimulatorScenario,
} from '../../../shared/contract';
import { maxCharacters } from '../../../shared/smpp-limits';
import { choiceOf } from '../api/choice';
import { statusCode } from '../smpp/smpp-tables';

export const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const DAY_MS = 86_400_000;

const count = (max: number, unit = '') =>
  z
    .number({ error: 'a number is required' })
    .int('a whole number is required')
    .min(0, '0 at least')
    .max(max, `${max.toLocaleString('en')}${unit} at most`);
const ascii = (smppName: Parameters<typeof maxCharacters>[0]) => {
  const max = maxCharacters(smppName);
  return z
    .string({ error: 'text is required' })
    .max(max, `${max} characters at most (${smppName} is a C-Octet String of ${max + 1} octets with its NUL)`)
    .regex(/^[\x20-\x7e]*$/, 'printable ASCII only');
};

/** A command_status by its name in the smpp tables, or 0x-hex for a vendor's own code. */
export function commandStatusOf(text: string): number | null {
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  try {
    return statusCode(text);
  } catch {
    return null;
  }
}

const outcomes = z
  .array(
    z
      .object({
        stat: choiceOf(finalReceiptStats, 'stat'),
        weight: z.number({ error: 'a number is required' }).min(0, '0 at least').max(1_000_000, '1,000,000 at most'),
        err: count(999).optional(),
      })
      .strict(),
  )
  .min(1, 'one outcome at least')
  .max(10, '10 outcomes at most')
  .refine((list) => list.some((o) => o.weight > 0), 'the weights add up to 0: give one outcome a weight above 0');

const delay = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('fixed'), ms: count(DAY_MS, ' ms') }).strict(),
    z
      .object({ kind: z.literal('uniform'), minMs: count(DAY_MS, ' ms'), maxMs: count(DAY_MS, ' ms') })
      .strict()
      .refine((d) => d.minMs <= d.maxMs, { message: 'minMs must not exceed maxMs', path: ['minMs'] }),
  ],
  { error: 'kind: fixed (with ms) or uniform (with minMs and maxMs)' },
);

const receiptFields = {
  outcomes,
  delay,
  intermediate: z.boolean({ error: 'true or false' }),
  command: choiceOf(receiptCommands, 'command'),
  tlvs: z.boolean({ error: 'true or false' }),
  receiptId: choiceOf(receiptIdModes, 'receiptId'),
};

export const DEFAULT_RECEIPTS: ReceiptSettings = {
  outcomes: [{ stat: 'DELIVRD', weight: 1 }],
  delay: { kind: 'fixed', ms: 500 },
  intermediate: false,
  command: 'deliver_sm',
  tlvs: true,
  receiptId: 'as-sent',
};

const receipts = z
  .object({
    outcomes: receiptFields.outcomes.default(DEFAULT_RECEIPTS.outcomes),
    delay: receiptFields.delay.default(DEFAULT_RECEIPTS.delay),
    intermediate: receiptFields.intermediate.default(false),
    command: receiptFields.command.default('deliver_sm'),
    tlvs: receiptFields.tlvs.default(true),
    receiptId: receiptFields.receiptId.default('as-sent'),
  })
  .strict();

const account = z
  .object({
    systemId: z.string({ error: 'required' }).min(1, 'required').pipe(ascii('system_id')),
    password: ascii('password').default(''),
    bindTypes: z
      .array(choiceOf(bindModes, 'bindTypes'))
      .min(1, 'one bind type at least')
      .refine((list) => new Set(list).size === list.length, 'a bind type is listed twice')
      .default([...bindModes]),
    window: count(100_000).default(0),
    maxSubmitsPerSecond: count(1_000_000, ' per second').default(0),
  })
  .strict();

const rule = z
  .object({
    name: z.string().max(64, '64 characters at most').default(''),
    match: z
      .object({ destinationPrefix: ascii('destination_addr').default(''), systemId: ascii('system_id').default('') })
      .strict()
      .prefault({}),
    action: choiceOf(ruleActions, 'action'),
    status: z.string().max(40, '40 characters at most').default(''),
    delayMs: count(600_000, ' ms').default(0),
    receipts: z.object(receiptFields).partial().strict().default({}),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.action !== 'reject') return;
    const code = commandStatusOf(r.status);
    if (code === null || code === 0) {
      ctx.addIssue({
        code: 'custom', path: ['status'],
        message: r.status === ''
          ? 'required for action reject: a command_status name such as ESME_RINVDSTADR, or 0x-hex'
          : `"${r.status}" is not a command_status that refuses (a name such as ESME_RSUBMITFAIL, or 0x-hex above 0)`,
      });
    }
  });

const scenarioSchema = z
  .object({
    name: z.string({ error: 'required' }).regex(SCENARIO_NAME, '1–64 characters: letters, digits, space, ".", "_" and "-", starting with a letter or digit'),
    description: z.string().max(500, '500 characters at most').default(''),
    smscSystemId: ascii('system_id').default('SMPPConsoleSim'),
    messageIdFormat: choiceOf(messageIdFormats, 'messageIdFormat').default('hex'),
    enquireLinkIntervalMs: count(3_600_000, ' ms')
      .refine((ms) => ms === 0 || ms >= 10, '0 (none) or 10 ms at least')
      .default(0),
    seed: count(0xffffffff).nullable().default(null),
    accounts: z
      .array(account)
      .max(1000, '1,000 accounts at most')
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((a, index) => {
          if (seen.has(a.systemId)) ctx.addIssue({ code: 'custom', path: [index, 'systemId'], message: `"${a.systemId}" is listed twice` });
          seen.add(a.systemId);
        });
      })
      .default([]),
    receipts: receipts.prefault({}),
    rules: z.array(rule).max(1000, '1,000 rules at most').default([]),
  })
  .strict() satisfies z.ZodType<SimulatorScenario>;

export type ScenarioCheck = { ok: true; scenario: SimulatorScenario } | { ok: false; message: string; path: Array<string | number> };

/** A path as the document's author reads it: accounts[0].window. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('') || 'scenario';
}

export function checkScenario(value: unknown): ScenarioCheck {
  const parsed = scenarioSchema.safeParse(value);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  const [first, ...rest] = parsed.error.issues;
  const path = (first?.path ?? []).filter((k): k is string | number => typeof k !== 'symbol');
  const what = first?.code === 'unrecognized_keys' ? `unknown field${first.keys.length > 1 ? 's' : ''} ${first.keys.map((k) => `"${k}"`).join(', ')}` : first?.message;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return { ok: false, message: `${pathText(path)}: ${what ?? 'invalid'}${more}`, path };
}

/** A scenario from JSON text: the syntax error, or the first field that breaks a rule. */
export function checkScenarioJson(text: string): ScenarioCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${(error as Error).message}`, path: [] };
  }
  return checkScenario(value);
}

/** The scenario with everything left to its defaults: any system_id binds, every message is delivered. */
export function defaultScenario(overrides: Partial<SimulatorScenario> = {}): SimulatorScenario {
  const checked = checkScenario({ name: 'Default' });
  if (!checked.ok) throw new Error(checked.message);
  return { ...checked.scenario, ...overrides };
}

/** For the contract: a scenario checked here, its error carried as the first issue with its path and message. */
export const scenarioInput = z.unknown().transform((value, ctx): SimulatorScenario => {
  const checked = checkScenario(value);
  if (checked.ok) return checked.scenario;
  ctx.addIssue({ code: 'custom', message: checked.message, path: checked.path });
  return z.NEVER;
});
