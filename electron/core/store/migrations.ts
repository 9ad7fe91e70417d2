// Schema migrations, one SQL script per version. Never edit a shipped one: add the next.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE profiles (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    builtin_simulator INTEGER NOT NULL DEFAULT 0,
    bind_mode TEXT NOT NULL,
    system_id TEXT NOT NULL,
    system_type TEXT NOT NULL DEFAULT '',
    interface_version INTEGER NOT NULL DEFAULT 52,
    addr_ton INTEGER NOT NULL DEFAULT 0,
    addr_npi INTEGER NOT NULL DEFAULT 0,
    address_range TEXT NOT NULL DEFAULT '',
    enquire_link_interval_ms INTEGER NOT NULL,
    response_timeout_ms INTEGER NOT NULL,
    window_size INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    source_addr TEXT NOT NULL,
    destination_addr TEXT NOT NULL,
    text TEXT NOT NULL,
    data_coding INTEGER NOT NULL,
    state TEXT NOT NULL,
    message_id TEXT,
    message_id_norm TEXT,
    command_status INTEGER,
    submitted_at INTEGER NOT NULL,
    receipt_at INTEGER
  );
  CREATE INDEX messages_by_smsc_id ON messages (profile_id, message_id_norm);
  CREATE TABLE inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    profile_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    source_addr TEXT NOT NULL,
    destination_addr TEXT NOT NULL,
    esm_class INTEGER NOT NULL,
    data_coding INTEGER NOT NULL,
    text TEXT NOT NULL,
    receipt_message_id TEXT,
    receipt_stat TEXT,
    receipt_err TEXT,
    receipt_submit_date TEXT,
    receipt_done_date TEXT,
    matched_message TEXT REFERENCES messages (id)
  );
  CREATE TABLE trace (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    direction TEXT NOT NULL,
    command_id INTEGER NOT NULL,
    command_status INTEGER NOT NULL,
    sequence_number INTEGER NOT NULL,
    length INTEGER NOT NULL,
    summary TEXT NOT NULL,
    problem TEXT,
    bytes BLOB NOT NULL
  );
  `,
  // v2: a profile's settings as one JSON document (ProfileSettings), so new settings need no new columns.
  `
  CREATE TABLE profiles_v2 (
    id TEXT PRIMARY KEY,
    builtin_simulator INTEGER NOT NULL DEFAULT 0,
    settings TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  INSERT INTO profiles_v2 (id, builtin_simulator, settings, created_at, updated_at)
    SELECT id, builtin_simulator, json_object(
      'name', name, 'host', host, 'port', port, 'bindMode', bind_mode, 'systemId', system_id, 'systemType', system_type,
      'interfaceVersion', interface_version, 'addrTon', addr_ton, 'addrNpi', addr_npi, 'addressRange', address_range,
      'enquireLinkIntervalMs', enquire_link_interval_ms, 'responseTimeoutMs', response_timeout_ms, 'windowSize', window_size
    ), created_at, created_at FROM profiles;
  DROP TABLE profiles;
  ALTER TABLE profiles_v2 RENAME TO profiles;
  `,
  // v3: the trace keeps the name it showed, for rows whose name no command_id gives (events, unframed bytes).
  `ALTER TABLE trace ADD COLUMN command_name TEXT;`,
  // v4: a message is sent in parts (long messages); each part has its own message_id, state and receipt.
  `
  CREATE TABLE message_parts (
    message_id TEXT NOT NULL REFERENCES messages (id),
    seq INTEGER NOT NULL,
    smsc_message_id TEXT,
    smsc_message_id_norm TEXT,
    state TEXT NOT NULL,
    command_status INTEGER,
    receipt_at INTEGER,
    PRIMARY KEY (message_id, seq)
  );
  CREATE INDEX message_parts_by_smsc_id ON message_parts (smsc_message_id_norm);
  INSERT INTO message_parts (message_id, seq, smsc_message_id, smsc_message_id_norm, state, command_status, receipt_at)
    SELECT id, 1, message_id, message_id_norm, state, command_status, receipt_at FROM messages;
  `,
  // v5: a concatenated MO is one inbox item assembled from its parts.
  `
  ALTER TABLE inbox ADD COLUMN parts_total INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE inbox ADD COLUMN concat_key TEXT;
  CREATE TABLE inbox_parts (
    inbox_id INTEGER NOT NULL REFERENCES inbox (id),
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (inbox_id, seq)
  );
  CREATE INDEX inbox_by_concat_key ON inbox (concat_key);
  `,
  // v6: recent drafts (to recall and re-send) and named templates per profile, each a DraftContent as JSON.
  `
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    profile_id TEXT,
    name TEXT,
    content TEXT NOT NULL,
    saved_at INTEGER NOT NULL
  );
  CREATE INDEX drafts_by_kind ON drafts (kind, profile_id, saved_at);
  `,
  // v7: Sent and Inbox are windows over the store, paged back by time (and by session when scoped).
  `
  CREATE INDEX messages_by_time ON messages (submitted_at, id);
  CREATE INDEX messages_by_session ON messages (session_id, submitted_at, id);
  CREATE INDEX inbox_by_session ON inbox (session_id, id);
  `,
  // v8: a receipt's stat as it came beside the v3.4 word it maps to (NULL when it maps to none), its text: field,
  // a TLV/text disagreement, and the rule that matched it to its message.
  `
  ALTER TABLE inbox ADD COLUMN receipt_stat_text TEXT;
  ALTER TABLE inbox ADD COLUMN receipt_text TEXT;
  ALTER TABLE inbox ADD COLUMN receipt_conflict TEXT;
  ALTER TABLE inbox ADD COLUMN match_rule TEXT;
  UPDATE inbox SET receipt_stat_text = receipt_stat WHERE kind = 'receipt';
  UPDATE inbox SET receipt_stat = NULL
    WHERE receipt_stat NOT IN ('DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD', 'ENROUTE');
  UPDATE inbox SET match_rule = 'as-sent' WHERE matched_message IS NOT NULL;
  `,
  // v9: whether a profile binds with a password (never the password itself): after a restart that did not keep
  // it, the console asks for it instead of binding with an empty one.
  `
  ALTER TABLE profiles ADD COLUMN has_password INTEGER NOT NULL DEFAULT 0;
  `,
  // v10: one name per id — the console's own id of a message and the SMSC's message_id no longer share a column
  // name; what a message's lifecycle needs (each part's submit_sm sequence number and round trip, the draft it
  // was sent from, which part a receipt reports on and the deliver_sm it came in); the inbox's read state; and a
  // digest of each deliver_sm's body so an SMSC's re-send of one it thinks was lost is recognised, not doubled.
  `
  ALTER TABLE messages RENAME COLUMN message_id TO smsc_message_id;
  ALTER TABLE messages RENAME COLUMN message_id_norm TO smsc_message_id_norm;
  ALTER TABLE messages ADD COLUMN draft TEXT;
  ALTER TABLE message_parts RENAME COLUMN message_id TO console_message_id;
  ALTER TABLE message_parts ADD COLUMN submit_sequence INTEGER;
  ALTER TABLE message_parts ADD COLUMN sent_at REAL;
  ALTER TABLE message_parts ADD COLUMN answered_at REAL;
  ALTER TABLE inbox RENAME COLUMN receipt_message_id TO receipt_smsc_message_id;
  ALTER TABLE inbox ADD COLUMN matched_part INTEGER;
  ALTER TABLE inbox ADD COLUMN pdu_sequence INTEGER;
  ALTER TABLE inbox ADD COLUMN pdu_digest TEXT;
  ALTER TABLE inbox ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE inbox ADD COLUMN read_at INTEGER;
  UPDATE inbox SET read_at = received_at;
  UPDATE inbox SET matched_part = 1 WHERE matched_message IS NOT NULL;
  CREATE INDEX inbox_by_digest ON inbox (profile_id, pdu_digest);
  CREATE INDEX inbox_unread ON inbox (read_at, session_id);
  CREATE INDEX inbox_by_matched ON inbox (matched_message);
  `,
  // v11: indexes that cost every write and served no query. messages.smsc_message_id_norm is no longer written
  // (receipts are matched on message_parts'; the column stays, as dropping it would rewrite every row); concat_key
  // is NULL on all but concatenated MO items; and the receipts still waiting for their message get an index of
  // their own, small because a matched receipt leaves it, where each submit_sm_resp looked among every MO item.
  `
  DROP INDEX messages_by_smsc_id;
  DROP INDEX inbox_by_concat_key;
  CREATE INDEX inbox_by_concat_key ON inbox (concat_key) WHERE concat_key IS NOT NULL;
  CREATE INDEX inbox_unmatched_receipts ON inbox (ltrim(lower(receipt_smsc_message_id), '0'))
    WHERE kind = 'receipt' AND matched_message IS NULL;
  `,
];
