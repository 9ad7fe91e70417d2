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
  resolve: (pdu: Pdu) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface RequestTrackerOptions {
  windowSize: number;
  timeoutMs: number;
  /** Called when a request times out, so the trace can show the timeout against it. */
  onTimeout?: (sequenceNumber: number, commandId: number) => void;
  /** Called with the round-trip time of every answered request. */
  onAnswered?: (roundTripMs: number) => void;
}

export class RequestTracker {
  private lastSequence = 0;
  private readonly pending = new Map<number, PendingRequest>();
  private readonly waiting: Array<{ grant: () => void; refuse: (error: Error) => void }> = [];
  private closedReason: string | null = null;

  constructor(private readonly options: RequestTrackerOptions) {}

  get outstanding(): number {
    return this.pending.size;
  }

  nextSequenceNumber(): number {
    this.lastSequence = this.lastSequence >= MAX_SEQUENCE_NUMBER ? 1 : this.lastSequence + 1;
    return this.lastSequence;
  }

  /** Waits for a window slot, then reserves a sequence number for a request of this command. */
  async reserve(commandId: number): Promise<{ sequenceNumber: number; response: Promise<Pdu> }> {
    if (this.closedReason !== null) throw new RequestFailedError(`the connection is closed (${this.closedReason})`, null);
    while (this.pending.size >= this.options.windowSize) {
      await new Promise<void>((grant, refuse) => this.waiting.push({ grant, refuse }));
    }
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
    const response = new Promise<Pdu>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.finish(sequenceNumber);
        this.options.onTimeout?.(sequenceNumber, commandId);
        reject(new RequestFailedError(`no ${commandName(responseIdOf(commandId))} within ${this.options.timeoutMs} ms`, null));
      }, this.options.timeoutMs);
      this.pending.set(sequenceNumber, { commandId, sentAt: performance.now(), resolve, reject, timer });
    });
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
    for (const [sequenceNumber, request] of this.pending) {
      clearTimeout(request.timer);
      this.pending.delete(sequenceNumber);
      request.reject(new RequestFailedError(`the connection closed before the response came (${reason})`, null));
    }
    for (const waiter of this.waiting.splice(0)) {
      waiter.refuse(new RequestFailedError(`the connection closed while waiting for a window slot (${reason})`, null));
    }
  }

  private finish(sequenceNumber: number): void {
    const request = this.pending.get(sequenceNumber);
    if (!request) return;
    clearTimeout(request.timer);
    this.pending.delete(sequenceNumber);
    this.waiting.shift()?.grant();
  }
}
