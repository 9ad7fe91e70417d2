// A bind profile's settings, checked against the spec limits (smpp-notes.md) before anything is saved or any
// bind is attempted. Every message names the field and the limit, in the words the user will look up.
import { isIP } from 'node:net';
import { z } from 'zod';
import { bindModes, connectModes, defaultAlphabets, receiptIdFormats, splitMethods, type ProfileDraft, type ProfileSettings } from '../../../shared/contract';
import { maxCharacters, INTERFACE_VERSIONS } from '../../../shared/smpp-limits';
import { choiceOf } from './choice';

export const octetString = (label: string, field: Parameters<typeof maxCharacters>[0]) => {
  const max = maxCharacters(field);
  return z
    .string()
    .max(max, `${label}: ${max} characters at most (${field} is a C-Octet String of ${max + 1} octets with its NUL)`)
    .regex(/^[\x20-\x7e]*$/, `${label}: printable ASCII only`);
};
const integer = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${label}: a number is required` })
    .int(`${label}: a whole number is required`)
    .min(min, `${label}: ${min}${unit} at least`)
    .max(max, `${label}: ${max}${unit} at most`);
const port = (label: string) => integer(label, 1, 65535);

/** Empty (automatic) or an IP address of this machine to listen on: never a name, never every interface. */
export const listenAddress = z
  .string()
  .trim()
  .max(45, 'Listen on: 45 characters at most')
  .refine((value) => value === '' || (isIP(value) !== 0 && value !== '0.0.0.0' && value !== '::'), {
    message: 'Listen on: an IP address of this machine (such as 127.0.0.1 or 10.0.0.5), or empty for automatic; not 0.0.0.0 or ::, which would take outbinds from every network',
  });

export const tlsSchema = z
  .object({
    enabled: z.boolean(),
    acceptUntrusted: z.boolean(),
    caFile: z.string().max(4096),
    certFile: z.string().max(4096),
    keyFile: z.string().max(4096),
  })
  .strict()
  .refine((tls) => (tls.certFile === '') === (tls.keyFile === ''), {
    message: 'Client certificate and key: give both files or neither',
    path: ['keyFile'],
  });

const settingsShape = {
    name: z.string().trim().min(1, 'Name: required').max(100, 'Name: 100 characters at most'),
    host: z.string().trim().min(1, 'Host: required').max(253, 'Host: 253 characters at most'),
    port: port('Port'),
    connectMode: choiceOf(connectModes, 'Connect mode'),
    outbindPort: port('Outbind port'),
    outbindAddress: listenAddress,
    outbindSystemId: octetString('Outbind system_id', 'system_id'),
    tls: tlsSchema,
    bindMode: choiceOf(bindModes, 'Bind mode'),
    systemId: octetString('System ID', 'system_id').min(1, 'System ID: required'),
    systemType: octetString('System type', 'system_type'),
    interfaceVersion: z
      .number()
      .refine((v) => (INTERFACE_VERSIONS as readonly number[]).includes(v), 'Interface version: 0x33 (3.3), 0x34 (3.4) or 0x50 (5.0)'),
    addrTon: integer('addr_ton', 0, 255),
    addrNpi: integer('addr_npi', 0, 255),
    addressRange: octetString('Address range', 'address_range'),
    enquireLinkIntervalMs: integer('Enquire link interval', 0, 3_600_000, ' ms'),
    enquireLinkMisses: integer('Missed enquire links', 1, 100),
    responseTimeoutMs: integer('Response timeout', 100, 600_000, ' ms'),
    windowSize: integer('Window', 1, 10_000),
    maxSubmitRate: integer('Max submit rate', 0, 1_000_000, ' messages/s'),
    throttleRetries: integer('Retries after throttling', 0, 100),
    submitMulti: z.boolean({ error: 'Use submit_multi: true or false' }),
    defaultSplit: choiceOf(splitMethods, 'Long messages'),
    reconnect: z
      .object({
        enabled: z.boolean(),
        minBackoffMs: integer('Backoff min', 100, 3_600_000, ' ms'),
        maxBackoffMs: integer('Backoff max', 100, 3_600_000, ' ms'),
      })
      .strict()
      .refine((r) => r.maxBackoffMs >= r.minBackoffMs, { message: 'Backoff max: not below Backoff min', path: ['maxBackoffMs'] }),
    defaultAlphabet: choiceOf(defaultAlphabets, 'data_coding 0 means'),
    receiptIds: choiceOf(receiptIdFormats, 'Receipt ids'),
    notes: z.string().max(10_000, 'Notes: 10,000 characters at most'),
};

/** Rules across fields, shared by the settings and the draft. */
function crossChecks(p: { connectMode: string; bindMode: string; interfaceVersion: number }, ctx: z.RefinementCtx): void {
  if (p.connectMode === 'outbind' && p.bindMode !== 'receiver') {
    ctx.addIssue({ code: 'custom', path: ['bindMode'], message: 'Bind mode: an outbind is answered with bind_receiver, so choose Receiver (RX)' });
  }
  if (p.interfaceVersion === 0x33 && p.bindMode === 'transceiver') {
    ctx.addIssue({ code: 'custom', path: ['bindMode'], message: 'Bind mode: SMPP 3.3 has no transceiver bind; choose TX or RX, or version 3.4' });
  }
}

export const profileSettingsSchema = z.object(settingsShape).strict().superRefine(crossChecks) satisfies z.ZodType<ProfileSettings>;

export const profileDraftSchema = z
  .object({
    ...settingsShape,
    password: octetString('Password', 'password').optional(),
    rememberPassword: z.boolean().optional(),
  })
  .strict()
  .superRefine(crossChecks) satisfies z.ZodType<ProfileDraft>;
