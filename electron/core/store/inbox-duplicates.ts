// An SMSC's re-send recognised, not doubled. Each inbox item keeps the digest of the deliver_sm / data_sm it came in
// (messages/deliver-digest.ts: command_id and body, not the sequence number). One whose digest an item of the same
// account (the receipt scope) already has, received within the window, is that item again: its `repeats` is
// counted, nothing new is stored, and a receipt is not applied to its message a second time. The caller still
// commits and answers ESME_ROK — the SMSC must stop re-sending.
//
// An item assembled from the parts of a concatenated MO keeps one digest per part, space-separated in arrival
// order, and a part is looked for among the items of its concatenation key (which already names the account).
// Without that, a re-sent part of a complete message would open a new, one-part item.
import { type Database, statement } from './database';

/** How long a digest identifies its item: beyond it, the same octets are a new message (an MO saying "yes" again). */
export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000;

export class InboxDuplicates {
  constructor(
    private readonly db: Database,
    private readonly windowMs = REPEAT_WINDOW_MS,
  ) {}

  /**
   * The id of the item that already holds this PDU (received on one of these profiles, within the window before
   * receivedAt), its repeats counted; null when the PDU is new. concatKey: a concatenated MO part's item key.
   */
  countRepeat(profileIds: string[], digest: string, receivedAt: number, concatKey: string | null): number | null {
    const since = receivedAt - this.windowMs;
    const scope = profileIds.map(() => '?').join(', ');
    const row = (
      concatKey === null
        ? statement(this.db, `SELECT id FROM inbox WHERE profile_id IN (${scope}) AND pdu_digest = ? AND received_at >= ? ORDER BY id DESC LIMIT 1`)
            .get(...profileIds, digest, since)
        : statement(this.db, `SELECT id FROM inbox WHERE concat_key = ? AND received_at >= ? AND instr(' ' || pdu_digest || ' ', ?) > 0 ORDER BY id DESC LIMIT 1`)
            .get(concatKey, since, ` ${digest} `)
    ) as { id: number } | undefined;
    if (!row) return null;
    statement(this.db, 'UPDATE inbox SET repeats = repeats + 1 WHERE id = ?').run(row.id);
    return row.id;
  }

  /** Adds a part's digest to the item it joined (the first part's was stored with the item). */
  rememberPart(id: number, digest: string): void {
    statement(this.db,
      `UPDATE inbox SET pdu_digest = CASE WHEN pdu_digest IS NULL THEN ? ELSE pdu_digest || ' ' || ? END
       WHERE id = ? AND instr(' ' || coalesce(pdu_digest, '') || ' ', ?) = 0`,
    ).run(digest, digest, id, ` ${digest} `);
  }
}
