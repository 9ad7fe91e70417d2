// Nothing lost (issue 10): deliver_sm_resp is written only after the receipt or MO is committed, so a console
// killed mid-stream loses nothing an SMSC counts as delivered, and the SMSC's re-sends of the rest are recognised,
// not doubled. The console runs as a serving process of its own (serving-process.ts) on a data folder; a raw-socket
// SMSC on 127.0.0.1 streams 2,000 deliver_sm (MO, receipts of messages sent before the kill, receipts of nothing
// sent) with a window of unacknowledged ones, the process is SIGKILLed, started again on the same folder, and the
// SMSC re-sends — under new sequence numbers — every deliver_sm it had not seen acknowledged.
//
// The kill comes the moment the SMSC has read the 700th acknowledgement, with a window in flight: from then on the
// SMSC hears nothing more (the rest of that read included), so a deliver_sm_resp written before its commit would
// show here as an acknowledged deliver_sm missing after the restart. Before that, the SMSC gives up waiting for a
// few responses (every 97th deliver_sm: as if they came too late), so some deliver_sm are certainly committed but
// unacknowledged — exactly what its re-sends must not double. The rest of the stream was never sent before the kill.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboxItem, MessageView } from '../../shared/contract';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/profile-defaults';
import { encodeGsm7 } from '../../shared/text-codec';
import { encodePdu, type Pdu, type PduInit } from '../../electron/core/smpp/pdu-codec';
import { DATABASE_FILE } from '../../electron/core/store/database';
import { startRawSmsc, type RawSmsc } from '../support/raw-smsc';
import { startServingProcess, type ServingProcess } from '../support/serving-process';
import { waitFor } from '../support/simulator-fixture';

const STREAM = 2_000;
const SENT = 100;
/** Unacknowledged deliver_sm the SMSC keeps out at once. */
const WINDOW = 100;
/** The SMSC goes deaf, and the console is killed, once this many are acknowledged. */
const KILL_AFTER_ACKS = 700;
/** Before the kill, the SMSC gives up on these responses (too late, say) and keeps the deliver_sm to send again. */
const givenUpBeforeKill = (index: number) => index % 97 === 3;

/** What the SMSC streams: index i is a receipt of sent message i/20, an unmatched receipt, or an MO. */
type Planned = { kind: 'mo'; text: string; source: string } | { kind: 'receipt'; smscMessageId: string; recipient: string };

const smscMessageIdOf = (n: number) => `ID${1000 + n}`;
const recipientOf = (n: number) => `4477009${String(n).padStart(5, '0')}`;
const plan: Planned[] = Array.from({ length: STREAM }, (_, i): Planned => {
  if (i % 20 === 0) return { kind: 'receipt', smscMessageId: smscMessageIdOf(i / 20), recipient: recipientOf(i / 20) };
  if (i % 4 === 1) return { kind: 'receipt', smscMessageId: `U${i}`, recipient: '447700900999' };
  return { kind: 'mo', text: `MO ${i} before or after the crash`, source: `4478${String(i % 37).padStart(8, '0')}` };
});

function fieldsOf(p: Planned, i: number): PduInit['fields'] {
  if (p.kind === 'mo') return { source_addr: p.source, destination_addr: '12345', short_message: Buffer.from(encodeGsm7(p.text)) };
  const text = `id:${p.smscMessageId} sub:001 dlvrd:001 submit date:2601050900 done date:2601050901 stat:DELIVRD err:000 text:${i}`;
  return { source_addr: p.recipient, destination_addr: '100', esm_class: 4, short_message: Buffer.from(text) };
}

/** The stream's index an inbox item stands for (by MO text or receipt id). */
const unmatchedReceipt = /^U(\d+)$/;
function indexOf(item: InboxItem): number {
  if (item.receipt) {
    const id = item.receipt.smscMessageId;
    const unmatched = unmatchedReceipt.exec(id);
    return unmatched ? Number(unmatched[1]) : (Number(id.slice(2)) - 1000) * 20;
  }
  return Number(/^MO (\d+) /.exec(item.text)?.[1] ?? Number.NaN);
}

/**
 * The SMSC's side of the stream, as a real one keeps it: a window of deliver_sm awaiting their response; one
 * answered ESME_ROK is done, anything else (an error status, or no answer before the connection went) is sent again
 * on the next connection, under a new sequence number.
 */
class DeliverStream {
  readonly acknowledged = new Set<number>();
  readonly refusals: number[] = [];
  readonly everSent = new Set<number>();
  resent = 0;
  /** Responses the SMSC does not take (it gave up waiting): their deliver_sm go again on the next connection. */
  giveUp: ((index: number) => boolean) | null = null;
  /** Answered (so committed), but the SMSC had given up waiting. */
  readonly givenUpOn = new Set<number>();
  private queue = plan.map((_, i) => i);
  private readonly laterAgain: number[] = [];
  private readonly outstanding = new Map<number, number>();
  private socket: Socket | null = null;
  private sequenceNumber = 5000;

  constructor(private readonly onAcknowledged: () => void) {}

  /** Streams on a (new) connection: first whatever the previous one left unacknowledged, then the rest. */
  start(socket: Socket): void {
    this.queue = [...[...this.outstanding.values(), ...this.laterAgain.splice(0)].sort((a, b) => a - b), ...this.queue];
    this.outstanding.clear();
    this.socket = socket;
    socket.once('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    this.pump();
  }

  answered(pdu: Pdu, socket: Socket): void {
    if (socket !== this.socket) return; // deaf to it, or from a connection already given up
    const index = this.outstanding.get(pdu.sequenceNumber);
    if (index === undefined) return;
    this.outstanding.delete(pdu.sequenceNumber);
    if (this.giveUp?.(index)) {
      this.givenUpOn.add(index);
      this.laterAgain.push(index);
    } else if (pdu.commandStatus === 0) {
      this.acknowledged.add(index);
    } else {
      this.refusals.push(pdu.commandStatus);
      this.queue.unshift(index);
    }
    this.onAcknowledged();
    this.pump();
  }

  /** From now on nothing the console answers reaches this SMSC; returns what it sent and saw no ESME_ROK for. */
  deafen(): number[] {
    this.socket = null;
    return [...this.everSent].filter((index) => !this.acknowledged.has(index));
  }

  get done(): boolean {
    return this.acknowledged.size === STREAM;
  }

  private pump(): void {
    const socket = this.socket;
    if (!socket) return;
    while (this.outstanding.size < WINDOW && this.queue.length > 0) {
      const index = this.queue.shift()!;
      this.sequenceNumber += 1;
      this.outstanding.set(this.sequenceNumber, index);
      if (this.everSent.has(index)) this.resent += 1;
      this.everSent.add(index);
      socket.write(encodePdu({ command: 'deliver_sm', sequenceNumber: this.sequenceNumber, fields: fieldsOf(plan[index]!, index) }));
    }
  }
}

describe('nothing lost when the console is killed mid-stream', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'smpp-console-nothing-lost-'));
  const running: ServingProcess[] = [];
  let smsc: RawSmsc | null = null;
  afterAll(async () => {
    for (const serving of running) await serving.kill();
    await smsc?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every acknowledged deliver_sm survives SIGKILL; re-sends are recognised; profiles and sent messages intact', async () => {
    const started = Date.now();
    let console1: ServingProcess | null = null;
    let unacknowledgedAtKill: number[] = [];
    let sentAtKill = 0;
    let killed: Promise<NodeJS.Signals | null> | null = null;
    const stream = new DeliverStream(() => {
      if (killed || stream.acknowledged.size < KILL_AFTER_ACKS) return;
      unacknowledgedAtKill = stream.deafen();
      sentAtKill = stream.everSent.size;
      killed = console1!.kill();
    });
    stream.giveUp = givenUpBeforeKill;
    const binds = new Map<Socket, string>();
    let submitted = 0;
    smsc = await startRawSmsc(
      (pdu, ctx) => {
        if (pdu.command.startsWith('bind_')) {
          binds.set(ctx.socket, pdu.command);
          ctx.reply(pdu, { system_id: 'RAW' });
        } else if (pdu.command === 'unbind' || pdu.command === 'enquire_link') ctx.reply(pdu);
        else if (pdu.command === 'submit_sm') ctx.reply(pdu, { message_id: smscMessageIdOf(submitted++) });
        else if (pdu.command === 'deliver_sm_resp') stream.answered(pdu, ctx.socket);
      },
      { autoBind: false },
    );
    const socketBoundAs = (command: string) => [...binds].filter(([socket, bound]) => bound === command && !socket.destroyed).map(([socket]) => socket)[0];

    // The first run: two profiles of one account and one of another, 100 messages sent, then the stream.
    console1 = await startServingProcess(dataDir);
    running.push(console1);
    const account = { ...DEFAULT_PROFILE_SETTINGS, port: smsc.port, systemId: 'acct', enquireLinkIntervalMs: 0 };
    const trx = await console1.call('createProfile', { ...account, name: 'SMSC A', bindMode: 'transceiver' });
    const rx = await console1.call('createProfile', { ...account, name: 'SMSC A (receiver)', bindMode: 'receiver' });
    await console1.call('createProfile', { ...account, name: 'SMSC B', systemId: 'other', windowSize: 5, notes: 'not bound in this test' });
    const session = await console1.call('connect', { profileId: trx.id });
    for (let n = 0; n < SENT; n += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          console1!.call('submit', { sessionId: session.id, sourceAddr: '100', destinationAddr: recipientOf(n + k), text: `sent #${n + k}` }),
        ),
      );
    }
    const profilesBefore = await console1.call('listProfiles', undefined);
    const messagesBefore = await console1.call('listMessages', { limit: 500 });
    const draftsBefore = await console1.call('listRecentDrafts', undefined);
    expect(messagesBefore.filter((m) => m.state === 'accepted')).toHaveLength(SENT);

    stream.start(socketBoundAs('bind_transceiver')!);
    await waitFor(() => killed, 15_000);
    expect(await killed).toBe('SIGKILL');
    const acknowledgedAtKill = new Set(stream.acknowledged);
    const killedAfterMs = Date.now() - started;
    // The kill came mid-stream: some acknowledged, some sent and unacknowledged, some never sent.
    expect(acknowledgedAtKill.size).toBe(KILL_AFTER_ACKS);
    expect(unacknowledgedAtKill.length).toBeGreaterThan(0);
    expect(sentAtKill).toBeLessThan(STREAM);
    stream.giveUp = null;

    // The second run, on the same folder: before any re-send, everything the SMSC saw acknowledged is there.
    const console2 = await startServingProcess(dataDir);
    running.push(console2);
    const stored = await console2.call('listInbox', { limit: 5_000 });
    const storedIndexes = new Set(stored.map(indexOf));
    const lost = [...acknowledgedAtKill].filter((i) => !storedIndexes.has(i));
    expect(lost, 'acknowledged before the kill, missing after it').toEqual([]);
    // Some were committed, yet never acknowledged to the SMSC: those are the re-sends that must not be doubled.
    const committedUnacknowledged = unacknowledgedAtKill.filter((i) => storedIndexes.has(i));
    const givenUp = [...stream.givenUpOn];
    expect(givenUp.length).toBeGreaterThan(0);
    expect(committedUnacknowledged).toEqual(expect.arrayContaining(givenUp));

    // Profiles, sent messages (and their receipts so far) and recent drafts as they were.
    expect(await console2.call('listProfiles', undefined)).toEqual(profilesBefore);
    expect(await console2.call('listRecentDrafts', undefined)).toEqual(draftsBefore);
    const stable = (m: MessageView) => ({ ...m, state: undefined, receiptAt: undefined, parts: { ...m.parts, delivered: undefined } });
    const messagesAfter = await console2.call('listMessages', { limit: 500 });
    expect(messagesAfter.map(stable)).toEqual(messagesBefore.map(stable));
    // Its receipt acknowledged: delivered. Its receipt never sent: still waiting for it.
    const receiptIndexOf = (m: MessageView) => (Number(m.smscMessageId!.slice(2)) - 1000) * 20;
    const receiptAcknowledged = messagesAfter.filter((m) => acknowledgedAtKill.has(receiptIndexOf(m)));
    const receiptNeverSent = messagesAfter.filter((m) => !stream.everSent.has(receiptIndexOf(m)));
    expect(receiptAcknowledged.length + receiptNeverSent.length).toBeGreaterThan(0);
    expect(receiptAcknowledged.filter((m) => m.state !== 'DELIVRD')).toEqual([]);
    expect(receiptNeverSent.filter((m) => m.state !== 'accepted')).toEqual([]);

    // Bound again — on the receiver of the same account as well — the SMSC re-sends what it had not seen answered.
    await console2.call('connect', { profileId: trx.id });
    await console2.call('connect', { profileId: rx.id });
    stream.start(socketBoundAs('bind_receiver')!);
    await waitFor(() => stream.done, 20_000);
    expect(stream.refusals).toEqual([]);
    // Re-sent: each one sent before the kill and not acknowledged, once.
    expect(stream.resent).toBe(sentAtKill - acknowledgedAtKill.size);

    // One item per distinct deliver_sm: 2,000, none doubled, none missing.
    const inbox = await console2.call('listInbox', { limit: 5_000 });
    const indexes = inbox.map(indexOf);
    expect(inbox).toHaveLength(STREAM);
    expect(new Set(indexes).size).toBe(STREAM);
    expect(indexes.every((i) => Number.isInteger(i) && i >= 0 && i < STREAM)).toBe(true);
    // The re-sends of committed ones were counted on their items, and only those.
    const repeated = inbox.filter((item) => item.repeats > 0);
    expect(repeated.map(indexOf).sort((a, b) => a - b)).toEqual([...committedUnacknowledged].sort((a, b) => a - b));
    expect(repeated.every((item) => item.repeats === 1)).toBe(true);
    expect(inbox.filter((i) => i.kind === 'receipt')).toHaveLength(plan.filter((p) => p.kind === 'receipt').length);

    // Every sent message has its one receipt, applied once: the message's receipt time is its receipt's arrival.
    const messages = await console2.call('listMessages', { limit: 500 });
    expect(messages.map((m) => m.state)).toEqual(Array(SENT).fill('DELIVRD'));
    for (const message of messages) {
      const receipt = inbox.find((item) => item.receipt?.smscMessageId === message.smscMessageId);
      expect(receipt?.matchedMessage?.id).toBe(message.id);
      expect(message.receiptAt).toBe(receipt!.receivedAt);
    }

    expect(await console2.stop()).toBe(0);
    // Each item keeps the digest it is recognised by and the sequence number it first came under.
    const db = new DatabaseSync(join(dataDir, DATABASE_FILE), { readOnly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM inbox WHERE pdu_digest IS NULL OR pdu_sequence IS NULL').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(DISTINCT pdu_digest) AS n FROM inbox').get()).toEqual({ n: STREAM });
    db.close();
    console.log(
      `nothing-lost: killed after ${killedAfterMs} ms with ${acknowledgedAtKill.size} acknowledged, ${unacknowledgedAtKill.length} sent ` +
        `but unacknowledged (${committedUnacknowledged.length} of them committed, ${givenUp.length} given up on), ${STREAM - sentAtKill} never sent; ` +
        `all ${STREAM} in ${Date.now() - started} ms`,
    );
  }, 60_000);
});
