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
];
