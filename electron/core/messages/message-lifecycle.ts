// A sent message's timeline (issue 10, Lifecycle): each part's submit_sm, its response (status, message_id, round
// trip), intermediate notifications and the final receipt, each with the trace row it was captured in. The message
// store says what happened; the trace store is asked where, by session, sequence number and message_id.
import { intermediateReceiptStats, type LifecycleReceipt, type MessageLifecycle, type PartLifecycle } from '../../../shared/contract';
import { ConsoleInputError } from '../api/console-input-error';
import type { Diagnostics } from '../diagnostics/diagnostics';
import { statusName } from '../smpp/smpp-tables';
import type { LifecycleRepo, StoredLifecycleReceipt, StoredPart } from '../store/lifecycle-repo';
import type { MessagesRepo } from '../store/messages-repo';
import type { PduFound, PduLookup } from '../trace/store/pdu-lookup';

export interface LifecycleDeps {
  messages: MessagesRepo;
  lifecycle: LifecycleRepo;
  findPdus: (lookups: PduLookup[]) => Promise<Array<PduFound | null>>;
  diagnostics: Diagnostics;
}

/** esm_class bits 5–2 of an intermediate delivery notification (v3.4 §5.2.12). */
const INTERMEDIATE_NOTIFICATION = 0x20;
const ESM_CLASS_TYPE_MASK = 0x3c;
/** A PDU is looked for this far either side of when the store says it went or came (clocks are the same host's). */
const SLACK_MS = 60_000;

export async function messageLifecycle(deps: LifecycleDeps, id: string): Promise<MessageLifecycle> {
  const message = deps.messages.get(id);
  if (!message) throw new ConsoleInputError(`no sent message ${id}`, 'id');
  const parts = deps.lifecycle.parts(id);
  const receipts = deps.lifecycle.receipts(id, parts);
  const near = (part: StoredPart) => part.answeredAt ?? part.sentAt ?? message.submittedAt;
  const find = (lookups: PduLookup[]) =>
    deps.findPdus(lookups).catch((error: unknown) => {
      // The story is still worth telling without its trace links: say why they are missing, in the log.
      deps.diagnostics.report(error, { where: `finding the trace rows of message ${id}` });
      return lookups.map(() => null);
    });
  const found = await find([
    ...parts.map((p) => ({
      sessionId: message.sessionId, commandNames: ['submit_sm_resp', 'submit_multi_resp'], sequenceNumber: p.submitSequence,
      smscMessageId: p.smscMessageId, near: near(p), slackMs: SLACK_MS,
    })),
    ...receipts.map((r) => ({
      sessionId: r.sessionId, commandNames: ['deliver_sm', 'data_sm'], sequenceNumber: r.pduSequence,
      smscMessageId: r.receipt.smscMessageId, near: r.receivedAt, slackMs: SLACK_MS,
    })),
  ]);
  const responses = found.slice(0, parts.length);
  const receiptRows = found.slice(parts.length);
  // A found response names its request; only the parts without one (refused unstored, never answered) make the
  // trace walk the session's rows for their submit_sm.
  const unlinked = parts.filter((p, i) => responses[i]?.requestId == null && p.submitSequence !== null);
  const submitRows = unlinked.length === 0 ? [] : await find(unlinked.map((p) => ({
    sessionId: message.sessionId, commandNames: ['submit_sm', 'submit_multi'], sequenceNumber: p.submitSequence,
    smscMessageId: null, near: p.sentAt ?? message.submittedAt, slackMs: SLACK_MS,
  })));
  const submits = new Map(unlinked.map((p, i) => [p.seq, submitRows[i] ?? null]));
  return {
    message,
    draft: deps.lifecycle.draftOf(id),
    parts: parts.map((part, i): PartLifecycle => ({
      seq: part.seq,
      state: part.state,
      submit: {
        sequenceNumber: part.submitSequence, sentAt: part.sentAt,
        traceId: responses[i]?.requestId ?? submits.get(part.seq)?.id ?? null,
      },
      response: responseOf(part, responses[i] ?? null),
      receipts: receipts.flatMap((r, j) => (r.seq === part.seq ? [receiptOf(r, receiptRows[j] ?? null)] : [])),
    })),
  };
}

function responseOf(part: StoredPart, row: PduFound | null): PartLifecycle['response'] {
  if (part.commandStatus === null) return null;
  const measured = part.answeredAt !== null && part.sentAt !== null ? part.answeredAt - part.sentAt : null;
  return {
    commandStatus: part.commandStatus, statusName: statusName(part.commandStatus), smscMessageId: part.smscMessageId,
    answeredAt: part.answeredAt,
    // The trace's pairing timed it at capture (µs, on the wire); the store's times include the commit around it.
    roundTripMs: row?.rttUs != null ? row.rttUs / 1000 : measured,
    traceId: row?.id ?? null,
  };
}

function receiptOf(r: StoredLifecycleReceipt, row: PduFound | null): LifecycleReceipt {
  const stat = r.receipt.stat;
  return {
    inboxId: r.inboxId, receivedAt: r.receivedAt, receipt: r.receipt, matchRule: r.matchRule, traceId: row?.id ?? null,
    intermediate: (r.esmClass & ESM_CLASS_TYPE_MASK) === INTERMEDIATE_NOTIFICATION || (stat !== null && intermediateReceiptStats.includes(stat)),
  };
}
