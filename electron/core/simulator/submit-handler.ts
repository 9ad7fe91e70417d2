// submit_sm, data_sm and submit_multi as the scenario says: refused unless bound as a transmitter or transceiver
// (ESME_RINVBNDSTS); ESME_RMSGQFUL past the account's window of unanswered submits on this bind; ESME_RTHROTTLED
// past its submits a second; then the first matching rule accepts (a message_id, a receipt plan), rejects with its
// command_status, or never answers — after its delay.
import type { Pdu } from '../smpp/pdu-codec';
import type { ActivityLog } from './activity-log';
import type { MessageIds } from './message-ids';
import type { MessageStore, StoredMessage } from './message-store';
import type { ReceiptSender } from './receipt-sender';
import { planReceipt, type ReceiptPlan } from './receipts-plan';
import type { Rules, SubmitDecision } from './rules';
import type { ServerSession } from './server-session';
import type { TimerSet } from './timer-set';
import { STAT_MESSAGE_STATE, statusName } from '../smpp/smpp-tables';

const ESME_RINVBNDSTS = 0x04;
const ESME_RMSGQFUL = 0x14;
const ESME_RTHROTTLED = 0x58;

export interface SubmitHandlerDeps {
  rules: () => Rules;
  random: () => () => number;
  ids: MessageIds;
  store: MessageStore;
  receipts: ReceiptSender;
  activity: ActivityLog;
  timers: TimerSet;
}

interface Destination {
  dest_addr_ton?: number;
  dest_addr_npi?: number;
  destination_addr?: string;
  dl_name?: string;
}

export class SubmitHandler {
  constructor(private readonly deps: SubmitHandlerDeps) {}

  handle(session: ServerSession, pdu: Pdu): void {
    if (!session.canTransmit) return this.refuseBindState(session, pdu);
    const { counters } = session;
    counters.submitsReceived += 1;
    const { account, bucket } = session.account!;
    if (account.window > 0 && counters.outstanding >= account.window) {
      counters.queueFull += 1;
      this.deps.activity.message(session.id, () => `${pdu.command} seq ${pdu.sequenceNumber}: ESME_RMSGQFUL (${counters.outstanding} of ${account.window} unanswered)`);
      return session.peer.respond(pdu, ESME_RMSGQFUL);
    }
    if (bucket && !bucket.take()) {
      counters.throttled += 1;
      this.deps.activity.message(session.id, () => `${pdu.command} seq ${pdu.sequenceNumber}: ESME_RTHROTTLED (over ${account.maxSubmitsPerSecond}/s for "${account.systemId}")`);
      return session.peer.respond(pdu, ESME_RTHROTTLED);
    }
    if (pdu.command === 'submit_multi') return this.submitMulti(session, pdu);
    const decision = this.deps.rules().decide(session.systemId ?? '', String(pdu.fields.destination_addr ?? ''));
    switch (decision.action) {
      case 'ignore':
        return this.ignore(session, pdu, decision);
      case 'reject':
        return this.answerAfter(session, decision.delayMs, () => this.reject(session, pdu, decision));
      default: {
        const messageId = this.deps.ids.allocate();
        const plan = planReceipt(decision.receipts, Number(pdu.fields.registered_delivery ?? 0), this.deps.random());
        return this.answerAfter(session, decision.delayMs, () => {
          session.counters.accepted += 1;
          session.peer.respond(pdu, 0, { message_id: messageId });
          if (decision.label) this.deps.activity.message(session.id, () => `${pdu.command} to ${String(pdu.fields.destination_addr ?? '')}: accepted as ${messageId} (${decision.label})`);
          this.schedule(session, pdu, messageId, [plan]);
        });
      }
    }
  }

  /** Before a bind, or on a receiver bind: an SMSC answers ESME_RINVBNDSTS. */
  refuseBindState(session: ServerSession, pdu: Pdu): void {
    const why = session.bound ? `bound as ${session.bindType}` : 'not bound';
    this.deps.activity.message(session.id, () => `${pdu.command} seq ${pdu.sequenceNumber} refused: ESME_RINVBNDSTS (${why})`);
    session.peer.respond(pdu, ESME_RINVBNDSTS);
  }

  /** Each destination by its own rule: refused ones listed in unsuccess_sme, a receipt from each accepted one. */
  private submitMulti(session: ServerSession, pdu: Pdu): void {
    const destinations = Array.isArray(pdu.fields.dest_address) ? (pdu.fields.dest_address as Destination[]) : [];
    const decided = destinations.map((d) => {
      const address = d.destination_addr ?? d.dl_name ?? '';
      return { d, address, decision: this.deps.rules().decide(session.systemId ?? '', address) };
    });
    const ignoring = decided.find((x) => x.decision.action === 'ignore');
    if (ignoring) return this.ignore(session, pdu, ignoring.decision);
    const refused = decided.filter((x) => x.decision.action === 'reject');
    const accepted = decided.filter((x) => x.decision.action === 'accept');
    const delayMs = Math.max(0, ...decided.map((x) => x.decision.delayMs));
    if (accepted.length === 0 && refused[0]) return this.answerAfter(session, delayMs, () => this.reject(session, pdu, refused[0]!.decision));
    const messageId = this.deps.ids.allocate();
    const registered = Number(pdu.fields.registered_delivery ?? 0);
    const plans = accepted.map((x) => planReceipt(x.decision.receipts, registered, this.deps.random()));
    this.answerAfter(session, delayMs, () => {
      session.counters.accepted += 1;
      session.peer.respond(pdu, 0, {
        message_id: messageId,
        unsuccess_sme: refused.map(({ d, address, decision }) => ({
          dest_addr_ton: d.dest_addr_ton ?? 0, dest_addr_npi: d.dest_addr_npi ?? 0, destination_addr: address,
          error_status_code: decision.commandStatus,
        })),
      });
      const singles = accepted.map(({ address }) => ({ ...pdu, fields: { ...pdu.fields, destination_addr: address } }));
      this.schedule(session, pdu, messageId, plans, singles);
    });
  }

  private reject(session: ServerSession, pdu: Pdu, decision: SubmitDecision): void {
    session.counters.rejected += 1;
    session.peer.respond(pdu, decision.commandStatus);
    this.deps.activity.message(session.id, () => `${pdu.command} seq ${pdu.sequenceNumber}: ${statusName(decision.commandStatus)} (${decision.label})`);
  }

  /** Never answered: it counts against the bind's window until the session closes. */
  private ignore(session: ServerSession, pdu: Pdu, decision: SubmitDecision): void {
    session.counters.ignored += 1;
    session.counters.outstanding += 1;
    this.deps.activity.message(session.id, () => `${pdu.command} seq ${pdu.sequenceNumber}: left unanswered (${decision.label})`);
  }

  /** Answers now, or after a delay during which the submit counts as outstanding on its bind. */
  private answerAfter(session: ServerSession, delayMs: number, answer: () => void): void {
    if (delayMs <= 0) return answer();
    session.counters.outstanding += 1;
    this.deps.timers.after(delayMs, () => {
      session.counters.outstanding -= 1;
      if (session.isOpen) answer();
    });
  }

  /** Stores the message and schedules its notifications: one plan per destination (submit_multi has several). */
  private schedule(session: ServerSession, pdu: Pdu, messageId: string, plans: ReceiptPlan[], perDestination?: Pdu[]): void {
    const first = plans[0];
    if (!first) return;
    const now = Date.now();
    const wantsAny = plans.some((p) => p.sendFinal || p.intermediateAfterMs !== null);
    // The PDU itself is kept only when a receipt will quote it: a load test must not make the simulator hoard.
    const record: StoredMessage = {
      submit: wantsAny ? pdu : null, finalAt: now + first.finalAfterMs, finalState: STAT_MESSAGE_STATE[first.stat], cancelledAt: null, timers: [],
    };
    this.deps.store.remember(messageId, record);
    // No receipt asked for (a load test's usual case): nothing more to build per submit.
    if (!wantsAny) return;
    const submitDate = new Date(now);
    plans.forEach((plan, index) => {
      // submit_multi: each destination's own PDU. A submit_sm: the stored one, read when the receipt goes (a
      // replace_sm in between changes what it quotes).
      const single = () => (perDestination ? perDestination[index]! : (record.submit ?? pdu));
      const send = (intermediate: boolean) => () => this.deps.receipts.send(session, single(), messageId, submitDate, plan, intermediate);
      if (plan.intermediateAfterMs !== null) record.timers.push(this.deps.timers.after(plan.intermediateAfterMs, send(true)));
      if (plan.sendFinal) record.timers.push(this.deps.timers.after(plan.finalAfterMs, send(false)));
    });
  }
}
