// A capture file read into the trace: packets → TCP segments → each connection's two directions reassembled →
// SMPP PDUs by command_length. A connection carries SMPP when a plausible SMPP header starts its data (or it uses
// a port the user named); each becomes its own trace session, "capture: file (ESME → SMSC)", with the capture's
// times, its real addresses and pairing like a live connection's. The file is read a few thousand packets at a
// time, yielding to the event loop and waiting while the trace store is behind, so live sessions keep flowing.
import type { CaptureImportResult } from '../../../shared/contract';
import { type ConnectionEndpoints, type WireRecord } from '../smpp/connection';
import { decodePdu } from '../smpp/pdu-codec';
import { commandName } from '../smpp/smpp-tables';
import type { TraceHub } from '../trace/trace-hub';
import { readCapture, type CaptureReadOutcome } from './capture-reader';
import { TCP_ACK, TCP_SYN } from './packet-builder';
import { plausibleHeader, SmppFramer, type FramedOctets } from './smpp-framer';
import { TcpDirection } from './tcp-reassembly';
import { readTcpSegment } from './tcp-segment-reader';

/** Packets handled between two yields to the event loop. */
const PACKETS_PER_TURN = 2_000;
/** Records the store may be behind before the import waits for it (it holds at most 50,000 in flight). */
const MAX_BACKLOG = 20_000;
/** Data octets of a connection looked at for an SMPP header before it is judged not SMPP. */
const CLASSIFY_WINDOW = 64 * 1024;

/** Commands only an ESME sends (or, for the _resp, answers): the side that sends one is the ESME. */
const ESME_SENDS = new Set([
  'bind_transmitter', 'bind_receiver', 'bind_transceiver', 'submit_sm', 'submit_multi', 'query_sm', 'cancel_sm', 'replace_sm',
  'deliver_sm_resp', 'outbind_resp', 'broadcast_sm', 'query_broadcast_sm', 'cancel_broadcast_sm',
]);
/** …and only an SMSC sends. */
const SMSC_SENDS = new Set([
  'outbind', 'deliver_sm', 'alert_notification', 'bind_transmitter_resp', 'bind_receiver_resp', 'bind_transceiver_resp', 'submit_sm_resp',
  'submit_multi_resp', 'query_sm_resp', 'cancel_sm_resp', 'replace_sm_resp', 'broadcast_sm_resp', 'query_broadcast_sm_resp', 'cancel_broadcast_sm_resp',
]);

interface Side {
  address: string;
  port: number;
}

interface Conversation {
  a: Side;
  b: Side;
  synFrom: 'a' | 'b' | null;
  directions: { a: TcpDirection; b: TcpDirection };
  framers: { a: SmppFramer; b: SmppFramer };
  state: 'unknown' | 'smpp' | 'other';
  looked: { a: number; b: number };
  /** Which side is the ESME, once the first PDU says so. */
  esme: 'a' | 'b' | null;
  sink: ReturnType<TraceHub['importedConnection']> | null;
  lastTime: number;
}

export interface CaptureImportOptions {
  hub: TraceHub;
  fileName: string;
  /** Distinguishes this import's sessions from another import of the same file. */
  importId: string;
  /** Ports whose connections are SMPP whatever their first octets. */
  smppPorts: readonly number[];
}

export async function importCapture(file: Buffer, options: CaptureImportOptions): Promise<CaptureImportResult> {
  const conversations = new Map<string, Conversation>();
  const sessionIds: string[] = [];
  const problems: string[] = [];
  const skipped = new Map<string, number>();
  let pdus = 0;
  let truncatedPackets = 0;

  const sideKey = (side: Side) => `${side.address}|${side.port}`;
  const emitFrom = (conversation: Conversation, from: 'a' | 'b') => (framed: FramedOctets) => {
    const sink = openSession(conversation, from, framed);
    if (!sink) return;
    // Copied: a subarray would keep the whole file alive in the trace's ring.
    const bytes = Buffer.from(framed.bytes);
    const decoded = framed.unframed === null ? decodePdu(bytes) : null;
    const problem = framed.unframed ?? (decoded!.problems.length > 0 ? decoded!.problems.join('; ') : null);
    const entry: WireRecord = { direction: from === conversation.esme ? 'out' : 'in', bytes, pdu: decoded?.pdu ?? null, problem };
    sink.record(entry, framed.time);
    if (framed.unframed === null) pdus += 1;
  };

  /** The connection becomes a session at its first octets: its ESME side decided by what that side sent. */
  const openSession = (conversation: Conversation, from: 'a' | 'b', framed: FramedOctets) => {
    if (conversation.sink) return conversation.sink;
    const command = framed.unframed === null ? commandName(framed.bytes.readUInt32BE(4)) : null;
    const other = from === 'a' ? 'b' : 'a';
    conversation.esme =
      command !== null && ESME_SENDS.has(command) ? from
      : command !== null && SMSC_SENDS.has(command) ? other
      : (conversation.synFrom ?? (conversation[from].port > conversation[other].port ? from : other));
    const esme = conversation[conversation.esme];
    const smsc = conversation[conversation.esme === 'a' ? 'b' : 'a'];
    const sessionId = `capture-${options.importId}-${sessionIds.length + 1}`;
    sessionIds.push(sessionId);
    const endpoints: ConnectionEndpoints = {
      localAddress: esme.address, localPort: esme.port, remoteAddress: smsc.address, remotePort: smsc.port,
      initiator: conversation.synFrom === null || conversation.synFrom === conversation.esme ? 'local' : 'remote', tls: false,
    };
    conversation.sink = options.hub.importedConnection(
      { sessionId, profileName: `capture: ${options.fileName} (${esme.address}:${esme.port} → ${smsc.address}:${smsc.port})`, startedAt: framed.time },
      endpoints,
    );
    return conversation.sink;
  };

  const conversationOf = (source: Side, destination: Side): { conversation: Conversation; from: 'a' | 'b' } => {
    const forward = `${sideKey(source)}>${sideKey(destination)}`;
    const backward = `${sideKey(destination)}>${sideKey(source)}`;
    const existing = conversations.get(forward) ?? conversations.get(backward);
    if (existing) return { conversation: existing, from: existing.a.address === source.address && existing.a.port === source.port ? 'a' : 'b' };
    const conversation: Conversation = {
      a: source, b: destination, synFrom: null, state: 'unknown', looked: { a: 0, b: 0 }, esme: null, sink: null, lastTime: 0,
      directions: null!, framers: null!,
    };
    conversation.framers = { a: new SmppFramer(emitFrom(conversation, 'a')), b: new SmppFramer(emitFrom(conversation, 'b')) };
    const feed = (side: 'a' | 'b') => new TcpDirection((chunk) => {
      if (conversation.state === 'unknown' && chunk.kind === 'data') classify(conversation, side, chunk.bytes);
      if (conversation.state === 'smpp') conversation.framers[side].chunk(chunk);
    });
    conversation.directions = { a: feed('a'), b: feed('b') };
    conversations.set(forward, conversation);
    return { conversation, from: 'a' };
  };

  const classify = (conversation: Conversation, side: 'a' | 'b', bytes: Buffer) => {
    const ports = [conversation.a.port, conversation.b.port];
    if (ports.some((port) => options.smppPorts.includes(port)) || plausibleHeader(bytes)) {
      conversation.state = 'smpp';
      return;
    }
    conversation.looked[side] += bytes.length;
    if (conversation.looked.a + conversation.looked.b > CLASSIFY_WINDOW) conversation.state = 'other';
  };

  let read: CaptureReadOutcome;
  const packets = readCapture(file);
  for (let count = 0; ; count += 1) {
    const next = packets.next();
    if (next.done) {
      read = next.value;
      break;
    }
    const packet = next.value;
    if (packet.truncated) truncatedPackets += 1;
    const segment = readTcpSegment(packet.linkType, packet.data);
    if (!segment.ok) {
      skipped.set(segment.why, (skipped.get(segment.why) ?? 0) + 1);
    } else {
      const tcp = segment.tcp;
      const { conversation, from } = conversationOf({ address: tcp.source, port: tcp.sourcePort }, { address: tcp.destination, port: tcp.destinationPort });
      if (tcp.flags & TCP_SYN && !(tcp.flags & TCP_ACK)) conversation.synFrom = from;
      conversation.lastTime = packet.time;
      if (conversation.state !== 'other') conversation.directions[from].segment(tcp.seq, tcp.flags, tcp.payload, packet.time);
    }
    if (count % PACKETS_PER_TURN === PACKETS_PER_TURN - 1) await pace(options.hub);
  }

  for (const conversation of conversations.values()) {
    for (const side of ['a', 'b'] as const) {
      conversation.directions[side].finish();
      conversation.framers[side].finish(conversation.lastTime);
    }
    conversation.sink?.closed();
  }

  if (read.problem) problems.push(`${read.format} file: ${read.problem}; the ${read.packets.toLocaleString('en')} packets before it were read.`);
  if (truncatedPackets > 0) problems.push(`${truncatedPackets} packets were cut short by the capture's snap length: their missing octets show as gaps.`);
  for (const [why, count] of skipped) if (why !== 'not TCP' && why !== 'not IP') problems.push(`${count} packets passed over: ${why}.`);
  const others = [...conversations.values()].filter((c) => c.state !== 'smpp' && c.looked.a + c.looked.b > 0).length;
  if (others > 0) problems.push(`${others} TCP connections did not look like SMPP (no SMPP header where their data starts); name their port to read them as SMPP.`);
  if (sessionIds.length === 0) problems.push('No SMPP found in this capture.');
  return { sessionIds, fileName: options.fileName, packets: read.packets, streams: sessionIds.length, pdus, problems };
}

/** Yields to the event loop, and waits while the trace store is further behind than MAX_BACKLOG records. */
async function pace(hub: TraceHub): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (hub.backlog > MAX_BACKLOG) await new Promise<void>((resolve) => setTimeout(resolve, 5));
}
