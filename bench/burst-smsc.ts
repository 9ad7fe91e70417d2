// An SMSC that sends a burst of MO deliver_sm at a set rate, for the trace burst figures (trace-burst.ts): it
// binds anyone, answers enquire_link and unbind, and on request paces deliver_sm to the bound session in 10 ms
// slices with at most WINDOW outstanding. A burst is judged on what an SMSC cares about: how many were sent,
// answered ESME_ROK, answered otherwise, or left unanswered, and whether the console kept up with the schedule.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Connection } from '../electron/core/smpp/connection';
import { RequestFailedError } from '../electron/core/smpp/request-tracker';
import { SmppPeer } from '../electron/core/smpp/smpp-peer';

/** Outstanding deliver_sm never exceed this: a real SMSC's window toward one ESME is of this order. */
const WINDOW = 200;
/** The schedule is kept in slices this long: R/100 per slice, so the load is even, not a burst per second. */
const SLICE_MS = 10;
/** After the last send, how long answers may still come before the rest count as unanswered. */
export const ANSWER_GRACE_MS = 10_000;

export interface BurstCounts {
  /** rate × seconds: what the schedule asked for. */
  target: number;
  sent: number;
  answeredOk: number;
  /** Answered with another command_status, a generic_nack or the wrong response command. */
  answeredOther: number;
  /** Not answered within the grace after the last send (or lost with the connection). */
  unanswered: number;
  /** sent / the seconds from the first send to the last. */
  achievedRate: number;
  /** The furthest the sends fell behind the schedule because the window was full, in deliver_sm and in ms. */
  maxBehind: number;
  maxBehindMs: number;
}

export interface BurstSmsc {
  port: number;
  /** Resolves at the first bind_* answered. */
  bound: Promise<void>;
  burst(rate: number, seconds: number): Promise<BurstCounts>;
  stop(): Promise<void>;
}

export async function startBurstSmsc(): Promise<BurstSmsc> {
  let session: SmppPeer | null = null;
  let markBound: () => void = () => undefined;
  const bound = new Promise<void>((resolve) => (markBound = resolve));
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // Responses must never time out inside the tracker during a burst: lateness is judged by the grace instead.
    const peer = new SmppPeer(new Connection(socket), { windowSize: WINDOW, timeoutMs: 24 * 3_600_000 });
    peer.on('request', (pdu) => {
      if (pdu.command.startsWith('bind_')) {
        peer.respond(pdu, 0, { system_id: 'BURST' });
        session = peer;
        markBound();
        return;
      }
      // unbind_resp, and whatever else an ESME might send: answered, so the console never waits on us.
      peer.respond(pdu);
    });
    peer.on('close', () => {
      if (session === peer) session = null;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    bound,
    burst: (rate, seconds) => {
      if (session === null) return Promise.reject(new Error('burst SMSC: no session is bound'));
      return runBurst(session, rate, seconds);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function runBurst(peer: SmppPeer, rate: number, seconds: number): Promise<BurstCounts> {
  const target = Math.round(rate * seconds);
  const counts = { sent: 0, answeredOk: 0, answeredOther: 0 };
  // Changed by the response handlers, so it lives in an object the loops below read afresh.
  const flight = { outstanding: 0 };
  let maxBehind = 0;
  let lastSendAt = 0;
  // Counting stops at the end of the grace: answers or failures arriving later (at stop) change nothing.
  let counting = true;

  const sendOne = () => {
    counts.sent += 1;
    flight.outstanding += 1;
    const n = counts.sent;
    peer
      .request('deliver_sm', { source_addr: '447700900001', destination_addr: '100', short_message: Buffer.from(`MO ${n}`) })
      .then(
        (response) => {
          if (!counting) return;
          if (response.commandStatus === 0) counts.answeredOk += 1;
          else counts.answeredOther += 1;
        },
        (error: unknown) => {
          // A generic_nack or a wrong response is an answer; a closed connection is not.
          if (counting && error instanceof RequestFailedError && error.response !== null) counts.answeredOther += 1;
        },
      )
      .finally(() => (flight.outstanding -= 1));
  };

  const started = performance.now();
  for (;;) {
    const elapsedMs = performance.now() - started;
    const due = Math.min(target, Math.floor((elapsedMs / 1000) * rate));
    let sentInSlice = false;
    while (counts.sent < due && flight.outstanding < WINDOW && peer.connection.isOpen) {
      sendOne();
      sentInSlice = true;
    }
    if (sentInSlice) lastSendAt = performance.now();
    maxBehind = Math.max(maxBehind, due - counts.sent);
    // The schedule ends with its time: what the window kept back by then is not caught up (it shows as sent < target).
    if (elapsedMs >= seconds * 1000 || !peer.connection.isOpen) break;
    await sleep(SLICE_MS);
  }

  const graceEnds = performance.now() + ANSWER_GRACE_MS;
  while (flight.outstanding > 0 && peer.connection.isOpen && performance.now() < graceEnds) await sleep(50);
  counting = false;
  const sendSeconds = Math.max((lastSendAt - started) / 1000, 1e-3);
  return {
    target,
    ...counts,
    unanswered: counts.sent - counts.answeredOk - counts.answeredOther,
    achievedRate: counts.sent / sendSeconds,
    maxBehind,
    maxBehindMs: (maxBehind / rate) * 1000,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
