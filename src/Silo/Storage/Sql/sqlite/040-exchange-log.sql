-- The exchange log (audit trail): one row per exchange, hash-chained per writing node ("chain"), with signed
-- checkpoints. Times are microseconds since the Unix epoch (UTC), so range queries and day grouping are integer
-- arithmetic on both databases. Strings are never NULL ('' when unknown): the hash covers exactly what is stored.
-- Append-only: triggers refuse UPDATE, and DELETE except while the pruner holds the gate (a row in
-- exchange_log_prune_gate, inserted and removed inside the pruning transaction). Anyone who can write the file can
-- still change rows; that is what the hash chain and the signed checkpoints detect.
CREATE TABLE IF NOT EXISTS exchange_log
(
    chain_id          TEXT    NOT NULL,
    sequence          INTEGER NOT NULL,
    recorded_at_us    INTEGER NOT NULL,
    protocol          TEXT    NOT NULL,
    operation         TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    caller_system     TEXT    NOT NULL,
    caller_unit       TEXT    NOT NULL,
    caller_region     TEXT    NOT NULL,
    persons           TEXT    NOT NULL,
    client_message_id TEXT    NOT NULL,
    outcome           TEXT    NOT NULL,
    status_code       TEXT    NOT NULL,
    item_count        INTEGER NOT NULL,
    accepted_count    INTEGER NOT NULL,
    rejected_count    INTEGER NOT NULL,
    latency_ms        INTEGER NOT NULL,
    previous_hash     BLOB    NOT NULL,
    hash              BLOB    NOT NULL,
    PRIMARY KEY (chain_id, sequence)
);

CREATE INDEX IF NOT EXISTS exchange_log_time ON exchange_log (recorded_at_us DESC, chain_id DESC, sequence DESC);
CREATE INDEX IF NOT EXISTS exchange_log_system ON exchange_log (caller_system, recorded_at_us DESC);
CREATE INDEX IF NOT EXISTS exchange_log_unit ON exchange_log (caller_unit, recorded_at_us DESC);
CREATE INDEX IF NOT EXISTS exchange_log_region ON exchange_log (caller_region, recorded_at_us DESC);
CREATE INDEX IF NOT EXISTS exchange_log_operation ON exchange_log (operation, recorded_at_us DESC);

-- Lookup index of the persons each entry touched (the entry's persons column is the hashed original).
CREATE TABLE IF NOT EXISTS exchange_log_person
(
    chain_id       TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    hub_id         TEXT    NOT NULL,
    region         TEXT    NOT NULL,
    recorded_at_us INTEGER NOT NULL,
    PRIMARY KEY (chain_id, sequence, hub_id)
);

CREATE INDEX IF NOT EXISTS exchange_log_person_hub ON exchange_log_person (hub_id, recorded_at_us DESC);
CREATE INDEX IF NOT EXISTS exchange_log_person_region ON exchange_log_person (region, recorded_at_us DESC);

-- A signed statement "entry <sequence> of <chain> has <hash>", every N entries or T seconds.
CREATE TABLE IF NOT EXISTS exchange_log_checkpoint
(
    chain_id     TEXT    NOT NULL,
    sequence     INTEGER NOT NULL,
    hash         BLOB    NOT NULL,
    signed_at_us INTEGER NOT NULL,
    key_id       TEXT    NOT NULL,
    signature    BLOB    NOT NULL,
    PRIMARY KEY (chain_id, sequence)
);

-- Public keys (SubjectPublicKeyInfo, DER) that checkpoints name by key id.
CREATE TABLE IF NOT EXISTS exchange_log_key
(
    key_id      TEXT    NOT NULL PRIMARY KEY,
    public_key  BLOB    NOT NULL,
    added_at_us INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS exchange_log_prune_gate
(
    opened_at_us INTEGER NOT NULL
);

CREATE TRIGGER IF NOT EXISTS exchange_log_no_update BEFORE UPDATE ON exchange_log
BEGIN
    SELECT RAISE(ABORT, 'exchange_log is append-only');
END;

CREATE TRIGGER IF NOT EXISTS exchange_log_no_delete BEFORE DELETE ON exchange_log
WHEN NOT EXISTS (SELECT 1 FROM exchange_log_prune_gate)
BEGIN
    SELECT RAISE(ABORT, 'exchange_log is append-only; entries leave only by pruning');
END;

CREATE TRIGGER IF NOT EXISTS exchange_log_person_no_update BEFORE UPDATE ON exchange_log_person
BEGIN
    SELECT RAISE(ABORT, 'exchange_log_person is append-only');
END;

CREATE TRIGGER IF NOT EXISTS exchange_log_person_no_delete BEFORE DELETE ON exchange_log_person
WHEN NOT EXISTS (SELECT 1 FROM exchange_log_prune_gate)
BEGIN
    SELECT RAISE(ABORT, 'exchange_log_person is append-only; entries leave only by pruning');
END;

CREATE TRIGGER IF NOT EXISTS exchange_log_checkpoint_no_update BEFORE UPDATE ON exchange_log_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'exchange_log_checkpoint is append-only');
END;

CREATE TRIGGER IF NOT EXISTS exchange_log_checkpoint_no_delete BEFORE DELETE ON exchange_log_checkpoint
WHEN NOT EXISTS (SELECT 1 FROM exchange_log_prune_gate)
BEGIN
    SELECT RAISE(ABORT, 'exchange_log_checkpoint is append-only; checkpoints leave only by pruning');
END;
