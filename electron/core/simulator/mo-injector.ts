// Mobile-originated messages injected into a bound receiving session: split by the project's own splitter
// (shared/message-parts.ts) in any encoding, concatenated by UDH (8- or 16-bit reference) or SAR TLVs or carried
// whole in message_payload; all at once, or N messages a second until M are sent.
import type { InjectMoRequest, MoInjectionView } from '../../../shared/contract';
import { splitMessage, type MessagePart } from '../../../shared/message-parts';
import { ConsoleInputError } from '../api/console-input-error';
import type { PduValue } from '../smpp/pdu-codec';
import type { TlvValues } from '../smpp/smpp-peer';
import type { ActivityLog } from './activity-log';
import type { ServerSession } from './server-session';
import type { TimerSet } from './timer-set';

const ESM_CLASS_UDHI = 0x40;
/** Injections listed in the status (the newest). */
const KEEP_INJECTIONS = 20;
/** At high rates messages go in batches on this tick rather than one timer each. */
const TICK_MS = 10;

interface Injection {
  view: MoInjectionView;
  timer: NodeJS.Timeout | null;
}

export class MoInjector {
  private readonly injections: Injection[] = [];
  private nextId = 1;
  private reference = Math.floor(Math.random() * 0x10000);

  constructor(
    private readonly timers: TimerSet,
    private readonly activity: ActivityLog,
  ) {}

  list(): MoInjectionView[] {
    return this.injections.map((i) => ({ ...i.view }));
  }

  /** Starts an injection; without a rate, resolves once every deliver_sm is answered. Throws MessageSplitError on bad text. */
  async inject(session: ServerSession, request: InjectMoRequest): Promise<MoInjectionView> {
    const options = { encoding: request.encoding ?? 'auto', split: request.split ?? 'udh8' } as const;
    const probe = splitMessage(request.text, 0, options); // refuses what the encoding cannot carry, before anything is sent
    const total = request.count ?? 1;
    const rate = request.ratePerSecond ?? 0;
    const injection: Injection = {
      view: {
        id: `mo-${this.nextId++}`, sessionId: session.id, messages: total, partsPerMessage: probe.parts.length,
        sent: 0, acknowledged: 0, failed: 0, ratePerSecond: rate, state: 'sending',
      },
      timer: null,
    };
    this.injections.push(injection);
    if (this.injections.length > KEEP_INJECTIONS) {
      // The oldest finished one goes; one still sending is never dropped while it runs (it could not be stopped).
      const finished = this.injections.findIndex((i) => i.view.state !== 'sending');
      if (finished >= 0) this.injections.splice(finished, 1);
      else this.halt(this.injections.shift()!, `stopped: more than ${KEEP_INJECTIONS} injections at once`);
    }
    const { view } = injection;
    this.activity.note(session.id, `MO injection ${view.id}: ${total} message(s) of ${view.partsPerMessage} part(s) to ${session.label}${rate > 0 ? ` at ${rate}/s` : ''}`);
    // Every deliver_sm answered: counted, not kept as a promise each (a run at a rate may send a million).
    const expected = total * view.partsPerMessage;
    let allAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (allAnswered = resolve));
    const onAnswer = () => view.acknowledged + view.failed === expected && allAnswered();
    const sendOne = () => {
      const reference = (this.reference = (this.reference + 1) & 0xffff);
      const { plan, parts } = splitMessage(request.text, reference, options);
      for (const part of parts) void this.sendPart(session, request, plan.dataCoding, part, options.split === 'payload', view, onAnswer);
    };
    if (rate <= 0) {
      for (let i = 0; i < total; i += 1) sendOne();
      await answered;
      if (view.state === 'sending') view.state = 'done';
      return { ...view };
    }
    const started = performance.now();
    let messagesSent = 0;
    const tick = () => {
      injection.timer = null;
      if (view.state === 'stopped') return;
      if (!session.isOpen) {
        view.state = 'done';
        this.activity.note(session.id, `MO injection ${view.id} stopped: the session closed after ${messagesSent} of ${total}`);
        return;
      }
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      while (messagesSent < due) {
        sendOne();
        messagesSent += 1;
      }
      if (messagesSent < total) injection.timer = this.timers.after(Math.max(TICK_MS, Math.floor(1000 / rate)), tick);
      else void answered.then(() => view.state === 'sending' && (view.state = 'done'));
    };
    tick();
    return { ...view };
  }

  /**
   * Stops an injection at a rate: its timer cleared, no further deliver_sm; those already sent are answered as
   * they will be (and counted). One that is over already is returned as it is.
   */
  stop(id: string): MoInjectionView {
    const injection = this.injections.find((i) => i.view.id === id);
    if (!injection) throw new ConsoleInputError(`no MO injection ${id} (the newest ${KEEP_INJECTIONS} are kept)`, 'injectionId');
    const { view } = injection;
    // Without a rate every deliver_sm went out at once: nothing is left to stop, only answers to wait for.
    if (view.state !== 'sending' || view.ratePerSecond <= 0) return { ...view };
    this.halt(injection, 'stopped by the user');
    return { ...view };
  }

  private halt(injection: Injection, why: string): void {
    const { view } = injection;
    this.timers.cancel(injection.timer);
    injection.timer = null;
    view.state = 'stopped';
    this.activity.note(view.sessionId, `MO injection ${view.id} ${why} after ${view.sent} deliver_sm of ${view.messages * view.partsPerMessage}`);
  }

  private async sendPart(session: ServerSession, request: InjectMoRequest, dataCoding: number, part: MessagePart, payload: boolean, view: MoInjectionView, onAnswer: () => void): Promise<void> {
    const userData = part.udh ? Buffer.concat([part.udh, part.payload]) : Buffer.from(part.payload);
    const fields: Record<string, PduValue> = {
      source_addr: request.sourceAddr, destination_addr: request.destinationAddr, esm_class: part.udh ? ESM_CLASS_UDHI : 0, data_coding: dataCoding,
      short_message: payload ? Buffer.alloc(0) : userData,
    };
    const tlvs: TlvValues = payload ? { message_payload: userData } : {};
    if (part.sar) Object.assign(tlvs, { sar_msg_ref_num: part.sar.reference, sar_total_segments: part.sar.total, sar_segment_seqnum: part.sar.sequence });
    view.sent += 1;
    session.counters.mosSent += 1;
    try {
      const response = await session.peer.request('deliver_sm', fields, tlvs);
      if (response.commandStatus === 0) view.acknowledged += 1;
      else view.failed += 1;
    } catch {
      view.failed += 1;
    }
    onAnswer();
  }
}
