// The trace store's own database file (smpp-console-trace.sqlite), written only by the trace store (a worker
// thread): the main database and its writers never wait for it, nor it for them. Migrations by user_version; never
// edit a shipped one.
//
// Indexes are few on purpose, measured with 1M rows here: each index with scattered keys (addresses, RTT) made an
// insert cost ≈ 10 µs more (80 µs/row with seven against 15 µs with these four), while a full scan for a rarer
// filter (address, sequence number, free text) costs ≈ 0.3–0.5 s. Kept: per session, per command (+ status), the
// errors (partial), message_id (partial) — the filters the < 1 s target names.
export const TRACE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE trace (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    direction TEXT NOT NULL,
    command_id INTEGER NOT NULL,
    command_name TEXT NOT NULL,
    command_status INTEGER NOT NULL,
    sequence_number INTEGER NOT NULL,
    length INTEGER NOT NULL,
    summary TEXT NOT NULL,
    problem TEXT,
    message_id TEXT,
    source_addr TEXT,
    destination_addr TEXT,
    request_id INTEGER,
    response_id INTEGER,
    outcome TEXT,
    response_status INTEGER,
    rtt_us INTEGER,
    bytes BLOB NOT NULL
  );
  CREATE INDEX trace_by_session ON trace (session_id, id);
  CREATE INDEX trace_by_command ON trace (command_name, command_status, id);
  CREATE INDEX trace_errors ON trace (command_status, id) WHERE command_status <> 0;
  CREATE INDEX trace_by_message_id ON trace (message_id, id) WHERE message_id IS NOT NULL;
  CREATE TABLE trace_sessions (
    session_id TEXT PRIMARY KEY,
    profile_name TEXT NOT NULL,
    started_at INTEGER NOT NULL
  );
  `,
  // Each connection's two ends, so an export can give every TCP stream its real addresses and ports. A record
  // belongs to the newest connection of its session whose first_id is at or below its id (no column on the big
  // table, no index to maintain per PDU).
  `
  CREATE TABLE trace_connections (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    first_id INTEGER NOT NULL,
    opened_at REAL NOT NULL,
    local_address TEXT NOT NULL,
    local_port INTEGER NOT NULL,
    remote_address TEXT NOT NULL,
    remote_port INTEGER NOT NULL,
    initiator TEXT NOT NULL,
    tls INTEGER NOT NULL
  );
  CREATE INDEX trace_connections_by_session ON trace_connections (session_id, first_id);
  `,
];
