// Every payload that crosses into the main side is checked here first (design.md §1). Messages name the field
// and the limit in SMPP's terms, because that is what the user will look up.
//
// Each schema is typed as z.ZodType<the contract's request>, and a compile-time proof below checks that what the
// schema produces and what the contract declares are the same shape both ways, key for key: a schema that drops,
// renames or retypes a field does not compile.
import { z } from 'zod';
import { defaultAlphabets, inboxKinds, receiptStats, traceExportFormats, traceSorts, type ConsoleMethodName, type ConsoleMethods } from '../../../shared/contract';
import { MAX_RECIPIENTS, splitRecipients } from '../../../shared/recipients';
import { loadRequestSchema } from './load-schema';
import { MAX_PIECE_OCTETS } from '../capture/capture-transfers';
import { choiceOf } from './choice';
import { address, draftSettingsShape } from './draft-schema';
import { listenAddress, octetString, profileDraftSchema } from './profile-schema';
import { traceFilterSchema } from './trace-filter-schema';
import { simulatorSchemas } from './simulator-schemas';

const none = z.null().or(z.undefined());
/** A paste for the Decode box: room for a few hundred PDUs with spaces between octets. */
const DECODE_HEX_MAX_CHARACTERS = 1_000_000;
/** A page of a list or of the trace: enough for a screen or two, never the whole store at once. */
const pageLimit = z.number().int().min(1, 'limit: 1 at least').max(5_000, 'limit: at most 5,000 per page');
const id = (field: string) => z.string({ error: `${field} is required` }).min(1, `${field} is required`).max(200, `${field}: at most 200 characters`);

const recipients = z
  .string({ error: 'Destination address is required' })
  .max(MAX_RECIPIENTS * 22, `Destination address: at most ${MAX_RECIPIENTS} recipients`)
  .superRefine((value, ctx) => {
    const list = splitRecipients(value);
    if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'Destination address is required' });
    if (list.length > MAX_RECIPIENTS) ctx.addIssue({ code: 'custom', message: `Destination address: at most ${MAX_RECIPIENTS} recipients` });
    for (const [index, one] of list.entries()) {
      const result = address('Destination address', 'destination_addr', 1).safeParse(one);
      const which = list.length > 1 ? ` (recipient ${index + 1}, "${one}")` : '';
      if (!result.success) ctx.addIssue({ code: 'custom', message: `${result.error.issues[0]!.message}${which}` });
    }
  });

/** A compose draft's content (all of SubmitDraft but the session), for sending and for templates. */
const draftContentShape = {
  sourceAddr: address('Source address', 'source_addr', 0),
  destinationAddr: recipients,
  // Far above any message the console will send; the real per-part limits are checked after encoding.
  text: z.string().max(65_536, 'Text: at most 65,536 characters'),
  ...draftSettingsShape,
};

/** A message at the SMSC as query_sm, cancel_sm and replace_sm name it. */
const messageRef = z.object({
  sessionId: id('sessionId'),
  smscMessageId: z.string().min(1, 'message_id: required').max(64, 'message_id: 64 characters at most (a C-Octet String of 65 octets)'),
  sourceAddr: address('Source address', 'source_addr', 0),
  sourceAddrTon: z.number().int().min(0).max(255).optional(),
  sourceAddrNpi: z.number().int().min(0).max(255).optional(),
});

/** The Inbox's filter bar (InboxFilter): each part optional, each bounded. */
const inboxFilterSchema = z
  .object({
    kind: choiceOf(inboxKinds, 'Kind').optional(),
    stat: choiceOf([...receiptStats, 'other'] as const, 'Stat').optional(),
    number: z.string().trim().max(21, 'Number: 21 characters at most (an address is at most 20, plus *)').optional(),
    text: z.string().max(200, 'Text: 200 characters at most').optional(),
    unreadOnly: z.boolean().optional(),
  })
  .strict();

/** What a method's payload is once validated: a request of the contract's type (null/undefined for none). */
export type RequestOf<K extends ConsoleMethodName> = ConsoleMethods[K]['request'] extends void ? null | undefined : ConsoleMethods[K]['request'];

const schemas = {
  listProfiles: none,
  createProfile: profileDraftSchema,
  updateProfile: z.object({ id: id('id'), draft: profileDraftSchema }).strict(),
  duplicateProfile: z.object({ id: id('id') }).strict(),
  deleteProfile: z.object({ id: id('id') }).strict(),
  exportProfiles: none,
  importProfiles: z.object({ json: z.string().max(10_000_000, 'json: 10 MB at most') }).strict(),
  listSessions: none,
  connect: z
    .object({
      profileId: id('profileId'),
      password: octetString('Password', 'password').optional(),
      rememberPassword: z.boolean().optional(),
      secondBind: z.boolean().optional(),
    })
    .strict(),
  disconnect: z.object({ sessionId: id('sessionId') }).strict(),
  reconnectSession: z.object({ sessionId: id('sessionId') }).strict(),
  dismissSessions: z
    .object({
      sessionIds: z.union([z.literal('closed'), z.array(id('sessionIds')).min(1, 'sessionIds: one at least').max(1000, 'sessionIds: 1,000 at most')]),
    })
    .strict(),
  submit: z
    .object({ sessionId: id('sessionId'), ...draftContentShape })
    .strict(),
  listMessages: z
    .object({
      sessionId: id('sessionId').optional(),
      before: z.object({ submittedAt: z.number().int().min(0), id: id('before.id') }).strict().optional(),
      limit: pageLimit,
    })
    .strict(),
  enquireLink: z.object({ sessionId: id('sessionId') }).strict(),
  sendRawPdu: z
    .object({ sessionId: id('sessionId'), hex: z.string().max(2 * 70_000, 'hex: a PDU of at most 70,000 octets'), keepSequenceNumber: z.boolean() })
    .strict(),
  querySm: messageRef.strict(),
  cancelSm: messageRef.extend({ destinationAddr: address('Destination address', 'destination_addr', 0), serviceType: z.string().max(5).optional() }).strict(),
  replaceSm: messageRef.extend({ text: z.string().max(1000, 'text: 1,000 characters at most') }).strict(),
  dataSm: z
    .object({
      sessionId: id('sessionId'), sourceAddr: address('Source address', 'source_addr', 0),
      destinationAddr: address('Destination address', 'destination_addr', 1), text: z.string().max(65_000, 'Text: 65,000 characters at most'),
    })
    .strict(),
  listRecentDrafts: none,
  listTemplates: z.object({ profileId: id('profileId') }).strict(),
  saveTemplate: z
    .object({
      profileId: id('profileId'),
      name: z.string().trim().min(1, 'Template name: required').max(100, 'Template name: 100 characters at most'),
      draft: z.object(draftContentShape).strict(),
    })
    .strict(),
  deleteTemplate: z.object({ id: id('id') }).strict(),
  listInbox: z
    .object({ sessionId: id('sessionId').optional(), filter: inboxFilterSchema.optional(), beforeId: z.number().int().min(1).optional(), limit: pageLimit })
    .strict(),
  listCounts: none,
  markInboxRead: z
    .object({ sessionId: id('sessionId').optional(), ids: z.array(z.number().int().min(1)).max(10_000, 'ids: 10,000 at most at once').optional() })
    .strict(),
  clearInbox: z.object({ sessionId: id('sessionId').optional() }).strict(),
  exportInbox: z.object({ sessionId: id('sessionId').optional(), filter: inboxFilterSchema.optional() }).strict(),
  messageLifecycle: z.object({ id: id('id') }).strict(),
  traceCount: z.object({ filter: traceFilterSchema, sort: choiceOf(traceSorts, 'Sort') }).strict(),
  tracePage: z
    .object({
      filter: traceFilterSchema, sort: choiceOf(traceSorts, 'Sort'), snapshotId: z.number().int().min(0),
      offset: z.number().int().min(0, 'offset: 0 at least'), limit: pageLimit,
    })
    .strict(),
  traceAfter: z.object({ filter: traceFilterSchema, afterId: z.number().int().min(0), limit: pageLimit }).strict(),
  tracePosition: z
    .object({ filter: traceFilterSchema, sort: choiceOf(traceSorts, 'Sort'), snapshotId: z.number().int().min(0), id: z.number().int().min(1) })
    .strict(),
  traceSessions: none,
  traceStats: z.object({ sessionId: id('sessionId') }).strict(),
  traceDetail: z.object({ id: z.number().int().min(1) }).strict(),
  decodeHex: z
    .object({
      hex: z.string().max(DECODE_HEX_MAX_CHARACTERS, `hex: at most ${DECODE_HEX_MAX_CHARACTERS.toLocaleString('en')} characters (paste fewer PDUs)`),
      defaultAlphabet: choiceOf(defaultAlphabets, 'data_coding 0 means'),
    })
    .strict(),
  exportTrace: z
    .object({
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('all') }).strict(),
        z.object({ kind: z.literal('view'), filter: traceFilterSchema }).strict(),
        z.object({ kind: z.literal('selection'), filter: traceFilterSchema, fromId: z.number().int().min(1), toId: z.number().int().min(1) }).strict(),
      ]),
      format: choiceOf(traceExportFormats, 'Format'),
    })
    .strict(),
  readExport: z
    .object({
      exportId: z.string().regex(/^[0-9a-f]{24}$/, 'exportId: not an export this console made'),
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(MAX_PIECE_OCTETS, `length: at most ${MAX_PIECE_OCTETS} octets a piece`),
    })
    .strict(),
  uploadCapture: z
    .object({
      uploadId: z.string().regex(/^[0-9a-f]{24}$/, 'uploadId: not an upload this console started').nullable(),
      fileName: z.string().min(1, 'file name: required').max(255, 'file name: 255 characters at most'),
      offset: z.number().int().min(0),
      base64: z
        .string()
        .max(Math.ceil(MAX_PIECE_OCTETS / 3) * 4, `piece: at most ${MAX_PIECE_OCTETS} octets`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'piece: base64'),
      last: z.boolean(),
    })
    .strict(),
  importCapture: z
    .object({
      uploadId: z.string().regex(/^[0-9a-f]{24}$/, 'uploadId: not an upload this console started'),
      smppPorts: z.array(z.number().int().min(1, 'SMPP port: 1–65535').max(65_535, 'SMPP port: 1–65535')).max(32, 'SMPP ports: 32 at most'),
    })
    .strict(),
  outbindPlan: z
    .object({ host: z.string().trim().min(1, 'Host: required').max(253, 'Host: 253 characters at most'), listenAddress })
    .strict(),
  storeHealth: none,
  ...simulatorSchemas,
  startLoad: loadRequestSchema,
  stopLoad: z.object({ runId: id('runId') }).strict(),
  loadStatus: z.object({ runId: id('runId').optional() }).strict(),
} satisfies { [K in ConsoleMethodName]: z.ZodType<RequestOf<K>> };

export const payloadSchemas: { [K in ConsoleMethodName]: z.ZodType<RequestOf<K>> } = schemas;

// Compile-time proof that every schema produces exactly its request type: mutually assignable, and the same keys
// at every level of objects (a renamed optional field is assignable both ways, so keys are compared too).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
type Obj<T> = Extract<NonNullable<T>, object>;
type SameKeys<A, B> = [Obj<A>] extends [never]
  ? true
  : [Obj<A>] extends [readonly (infer EA)[]]
    ? [Obj<B>] extends [readonly (infer EB)[]]
      ? SameKeys<EA, EB>
      : false
    : [Exclude<keyof Obj<A>, keyof Obj<B>> | Exclude<keyof Obj<B>, keyof Obj<A>>] extends [never]
      ? false extends { [K in keyof Obj<A>]: SameKeys<Obj<A>[K], Obj<B>[K & keyof Obj<B>]> }[keyof Obj<A>]
        ? false
        : true
      : false;
type Mismatched = { [K in ConsoleMethodName]: Same<z.output<(typeof schemas)[K]>, RequestOf<K>> extends true ? never : K }[ConsoleMethodName];
export const schemasMatchContract: [Mismatched] extends [never] ? true : { mismatched: Mismatched } = true;
