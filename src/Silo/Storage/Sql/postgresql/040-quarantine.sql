-- Quarantine: inputs that could not be normalized, kept with their original payload until an operator resubmits or
-- discards them (never deleted by the hub). One row per source, operation and message (dedupe_key: the client
-- message id, or a hash of the payload when the sender gave none). reason_codes is ",code,code," for LIKE filters.
-- Status: 1 held, 2 resubmitted and accepted, 3 discarded.
CREATE TABLE IF NOT EXISTS quarantine
(
    seq                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                     text        NOT NULL UNIQUE,
    service_id             text        NOT NULL,
    source_system          text        NOT NULL,
    operation              text        NOT NULL,
    dedupe_key             text        NOT NULL,
    client_message_id      text        NOT NULL,
    received_at            timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    reason_codes           text        NOT NULL,
    issues                 text        NOT NULL,
    payload                bytea       NOT NULL,
    content_type           text        NOT NULL,
    status                 smallint    NOT NULL,
    receive_count          integer     NOT NULL,
    resolution_hub_id      text        NULL,
    resolved_at            timestamptz NULL,
    resolution_map_version text        NULL,
    resolved_by            text        NULL,
    discard_reason         text        NULL,
    UNIQUE (service_id, source_system, operation, dedupe_key)
);

CREATE INDEX IF NOT EXISTS quarantine_by_source ON quarantine (service_id, source_system, seq);
CREATE INDEX IF NOT EXISTS quarantine_by_status ON quarantine (service_id, status, seq);
