-- Quarantine: inputs that could not be normalized, kept with their original payload until an operator resubmits or
-- discards them (never deleted by the hub). One row per source, operation and message (dedupe_key: the client
-- message id, or a hash of the payload when the sender gave none). reason_codes is ",code,code," for LIKE filters.
-- Status: 1 held, 2 resubmitted and accepted, 3 discarded. Times are ISO 8601 text with offset.
CREATE TABLE IF NOT EXISTS quarantine
(
    seq                    INTEGER PRIMARY KEY AUTOINCREMENT,
    id                     TEXT    NOT NULL UNIQUE,
    service_id             TEXT    NOT NULL,
    source_system          TEXT    NOT NULL,
    operation              TEXT    NOT NULL,
    dedupe_key             TEXT    NOT NULL,
    client_message_id      TEXT    NOT NULL,
    received_at            TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    reason_codes           TEXT    NOT NULL,
    issues                 TEXT    NOT NULL,
    payload                BLOB    NOT NULL,
    content_type           TEXT    NOT NULL,
    status                 INTEGER NOT NULL,
    receive_count          INTEGER NOT NULL,
    resolution_hub_id      TEXT    NULL,
    resolved_at            TEXT    NULL,
    resolution_map_version TEXT    NULL,
    resolved_by            TEXT    NULL,
    discard_reason         TEXT    NULL,
    UNIQUE (service_id, source_system, operation, dedupe_key)
);

CREATE INDEX IF NOT EXISTS quarantine_by_source ON quarantine (service_id, source_system, seq);
CREATE INDEX IF NOT EXISTS quarantine_by_status ON quarantine (service_id, status, seq);
