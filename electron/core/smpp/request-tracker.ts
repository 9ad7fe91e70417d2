// Outstanding requests of one connection: sequence numbers, a window of at most N in flight, a timeout per
// request, and matching of responses by sequence number AND command (a response for the right sequence number
// but the wrong command, or a generic_nack, fails the request with what came back — never resolves it wrongly).
// On close every pending request fails: none hangs, none silently disappears.
import type { Pdu } from './pdu-codec';
import { GENERIC_NACK_ID, MAX_SEQUENCE_NUMBER, commandName, responseIdOf, statusName } from './smpp-tables';

export class RequestFailedError extends Error {
  constructor(
    message: string,
    /** The response that failed the request, when one came (generic_nack, wrong command, error status). */
    readonly response: Pdu | null,
  ) {
    super(message);
    this.name = 'RequestFailedError';
  }
}

interface PendingRequest {
  commandId: number;
  sentAt: number;
  /** performance.now() past which it has timed out. */
  deadline: number;
  resolve: (pdu: Pdu) => void;
  reject: (error: Error) => void;
}

export interface RequestTrackerOptions {
  windowSize: number;
  timeoutMs: number;
  /** Called when a request times out, so the trace can show the timeout against it. */
  onTimeout?: (sequenceNumber: number, commandId: number) => void;
  /** Called with the round-trip time of every answered request. */
  onAnswered?: (roundTripMs: number) => void;
}

export interface ReservedRequest {
  sequenceNumber: number;
  response: Promise<Pdu>;
}

export class RequestTracker {
  private lastSequence = 0;
  /** In the order they were sent — which, every request having the same timeout, is the order of their deadlines. */
  private readonly pending = new Map<number, PendingRequest>();
  private readonly waiting: Array<{ grant: () => void; refuse: (error: Error) => void }> = [];
  private closedReason: string | null = null;
  /**
   * One timer for all the requests, set for the oldest one's deadline, instead of a setTimeout and a clearTimeout
   * per request (≈ 1 µs and a Timeout object each, measured, at tens of thousands of requests a second). When it
   * fires, whatever has reached its deadline times out and it is set again for the next oldest; an answered
   * request costs nothing. A timeout still fires at its own deadline: never early (the deadline is checked against
   * performance.now()), and at most a millisecond or so late, as a timer of its own would be.
   */
  private timer: NodeJS.Timeout | null = null;
  /** While nothing is outstanding the timer is unref'd: a quiet connection never holds the process open. */
  private timerHeld = false;

  constructor(private readonly options: RequestTrackerOptions) {}

  get outstanding(): number {
    return this.pending.size;
  }

  nextSequenceNumber(): number {
    this.lastSequence = this.lastSequence >= MAX_SEQUENCE_NUMBER ? 1 : this.lastSequence + 1;
    return this.lastSequence;
  }

  /** Waits for a window slot, then reserves a sequence number for a request of this command. */
  async reserve(commandId: number): Promise<ReservedRequest> {
    if (this.closedReason !== null) throw new RequestFailedError(`the connection is closed (${this.closedReason})`, null);
    while (this.pending.size >= this.options.windowSize) {
      await new Promise<void>((grant, refuse) => this.waiting.push({ grant, refuse }));
    }
    const sequenceNumber = this.nextSequenceNumber();
    return { sequenceNumber, response: this.track(sequenceNumber, commandId) };
  }

  /**
   * reserve() without the wait: the slot when the window has one now (null when it is full; throws when closed).
   * A request that need not wait is then written in the same turn as it is asked for, with no promise of its own.
   */
  tryReserve(commandId: number): ReservedRequest | null {
    if (this.closedReason !== null) throw new RequestFailedError(`the connection is closed (${this.closedReason})`, null);
    if (this.pending.size >= this.options.windowSize) return null;
    const sequenceNumber = this.nextSequenceNumber();
    return { sequenceNumber, response: this.track(sequenceNumber, commandId) };
  }

  /**
   * Waits for the response to a request whose sequence number was chosen elsewhere (a raw PDU typed by the user).
   * Outside the window on purpose: the user asked for exactly this PDU now.
   */
  track(sequenceNumber: number, commandId: number): Promise<Pdu> {
    if (this.closedReason !== null) return Promise.reject(new RequestFailedError(`the connection is closed (${this.closedReason})`, null));
    if (this.pending.has(sequenceNumber)) {
      return Promise.reject(new RequestFailedError(`sequence number ${sequenceNumber} is already waiting for a response`, null));
    }
    const sentAt = performance.now();
    const deadline = sentAt + this.options.timeoutMs;
    const response = new Promise<Pdu>((resolve, reject) => {
      this.pending.set(sequenceNumber, { commandId, sentAt, deadline, resolve, reject });
    });
    if (this.timer === null) this.armTimer(sentAt);
    else if (!this.timerHeld) {
      this.timer.ref();
      this.timerHeld = true;
    }
    // The caller may fail before awaiting (for example when encoding throws); never leave an unhandled rejection.
    response.catch(() => undefined);
    return response;
  }

  /** Gives the slot back when a reserved request could not be written at all. */
  cancel(sequenceNumber: number, error: Error): void {
    const request = this.pending.get(sequenceNumber);
    if (!request) return;
    this.finish(sequenceNumber);
    request.reject(error);
  }

  /** Routes a response; returns false when no request is waiting for this sequence number. */
  settle(response: Pdu): boolean {
    const request = this.pending.get(response.sequenceNumber);
    if (!request) return false;
    this.finish(response.sequenceNumber);
    this.options.onAnswered?.(performance.now() - request.sentAt);
    const expected = responseIdOf(request.commandId);
    if (response.commandId === GENERIC_NACK_ID) {
      request.reject(new RequestFailedError(`generic_nack: ${statusName(response.commandStatus)}`, response));
    } else if (response.commandId !== expected) {
      request.reject(
        new RequestFailedError(`answered with ${response.command} where ${commandName(expected)} was due`, response),
      );
    } else {
      request.resolve(response);
    }
    return true;
  }

  /**
   * Fails every pending and waiting request. The message names what happened, not the command: callers say
   * which command failed ("submit_sm failed: …"), so saying it here too would repeat it.
   */
  failAll(reason: string): void {
    this.closedReason = reason;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [sequenceNumber, request] of this.pending) {
      this.pending.delete(sequenceNumber);
      request.reject(new RequestFailedError(`the connection closed before the response came (${reason})`, null));
    }
    for (const waiter of this.waiting.splice(0)) {
      waiter.refuse(new RequestFailedError(`the connection closed while waiting for a window slot (${reason})`, null));
    }
  }

  private finish(sequenceNumber: number): void {
    if (!this.pending.delete(sequenceNumber)) return;
    if (this.pending.size === 0 && this.timerHeld) {
      this.timer?.unref();
      this.timerHeld = false;
    }
    this.waiting.shift()?.grant();
  }

  /** Sets the timer for the oldest outstanding request's deadline (none when nothing is outstanding). */
  private armTimer(now: number): void {
    const oldest = this.pending.values().next().value;
    if (!oldest) return;
    // Rounded up: a timer may fire up to a millisecond before its delay by performance.now(); expire() checks.
    this.timer = setTimeout(() => this.expire(), Math.max(1, Math.ceil(oldest.deadline - now)));
    this.timerHeld = true;
  }

  /**
   * Times out, oldest first, every request whose deadline has come; then waits for the next one's. Requests
   * whose deadlines fall within one firing (a window sent in one turn) time out together: their notes and
   * rejections in the order they were sent.
   */
  private expire(): void {
    this.timer = null;
    this.timerHeld = false;
    const now = performance.now();
    for (const [sequenceNumber, request] of this.pending) {
      if (request.deadline > now) break;
      this.finish(sequenceNumber);
      this.options.onTimeout?.(sequenceNumber, request.commandId);
      request.reject(new RequestFailedError(`no ${commandName(responseIdOf(request.commandId))} within ${this.options.timeoutMs} ms`, null));
    }
    // (onTimeout may have sent a request, and so set the timer, already)
    if (this.closedReason === null && this.timer === null) this.armTimer(now);
  }
}
