// Recent drafts (the newest sent, to recall and send again) and named templates per profile.
import { randomUUID } from 'node:crypto';
import type { DraftContent, SavedDraft } from '../../../shared/contract';
import { inTransaction, type Database, statement } from './database';

/** Recent drafts kept; older ones are dropped as new ones are sent. */
export const RECENT_DRAFTS = 20;

interface DraftRow {
  id: string;
  profile_id: string | null;
  name: string | null;
  content: string;
  saved_at: number;
}

export class DraftsRepo {
  constructor(private readonly db: Database) {}

  /** Records a sent draft; the same content sent again moves to the top instead of repeating. */
  addRecent(draft: DraftContent, at: number): void {
    const content = JSON.stringify(draft);
    inTransaction(this.db, () => {
      statement(this.db, `DELETE FROM drafts WHERE kind = 'recent' AND content = ?`).run(content);
      statement(this.db, `INSERT INTO drafts (id, kind, content, saved_at) VALUES (?, 'recent', ?, ?)`).run(randomUUID(), content, at);
      statement(this.db, `DELETE FROM drafts WHERE kind = 'recent' AND id NOT IN (SELECT id FROM drafts WHERE kind = 'recent' ORDER BY saved_at DESC LIMIT ?)`)
        .run(RECENT_DRAFTS);
    });
  }

  listRecent(): SavedDraft[] {
    return (statement(this.db, `SELECT * FROM drafts WHERE kind = 'recent' ORDER BY saved_at DESC`).all() as unknown as DraftRow[]).map(toSaved);
  }

  /** Saves a template under a name; a template of the same name on the profile is replaced. */
  saveTemplate(profileId: string, name: string, draft: DraftContent, at: number): SavedDraft {
    const id = randomUUID();
    inTransaction(this.db, () => {
      statement(this.db, `DELETE FROM drafts WHERE kind = 'template' AND profile_id = ? AND name = ?`).run(profileId, name);
      statement(this.db, `INSERT INTO drafts (id, kind, profile_id, name, content, saved_at) VALUES (?, 'template', ?, ?, ?, ?)`)
        .run(id, profileId, name, JSON.stringify(draft), at);
    });
    return toSaved(statement(this.db, 'SELECT * FROM drafts WHERE id = ?').get(id) as unknown as DraftRow);
  }

  listTemplates(profileId: string): SavedDraft[] {
    return (
      statement(this.db, `SELECT * FROM drafts WHERE kind = 'template' AND profile_id = ? ORDER BY name`).all(profileId) as unknown as DraftRow[]
    ).map(toSaved);
  }

  deleteTemplate(id: string): boolean {
    return statement(this.db, `DELETE FROM drafts WHERE kind = 'template' AND id = ?`).run(id).changes > 0;
  }
}

function toSaved(row: DraftRow): SavedDraft {
  return { id: row.id, name: row.name, profileId: row.profile_id, draft: JSON.parse(row.content) as DraftContent, savedAt: row.saved_at };
}
