-- The exchange log (audit trail): one row per exchange, hash-chained per writing node ("chain"), with signed
-- checkpoints. Times are microseconds since the Unix epoch (UTC), so range queries and day grouping are the same
-- integer arithmetic as on SQLite. Strings are never NULL ('' when unknown): the hash covers exactly what is stored.
-- Append-only: a trigger refuses UPDATE, TRUNCATE, and DELETE unless the deleting transaction set
-- exchange.log_pruning = 'on' (the pruner does, with SET LOCAL). This guards against mistakes, not against a database
-- superuser or table owner, who can disable triggers and change rows at will: that is what the hash chain and the
-- signed checkpoints detect. In production, grant the hub's role INSERT and SELECT only, plus DELETE if it prunes.
CREATE TABLE IF NOT EXISTS exchange_log
(
    chain_id          text    NOT NULL,
    sequence          bigint  NOT NULL,
    recorded_at_us    bigint  NOT NULL,
    protocol          text    NOT NULL,
    operation         text    NOT NULL,
    kind              text    NOT NULL,
    caller_system     text    NOT NULL,
    caller_unit       text    NOT NULL,
    caller_region     text    NOT NULL,
    persons           text    NOT NULL,
    client_message_id text    NOT NULL,
    outcome           text    NOT NULL,
    status_code       text    NOT NULL,
    item_count        integer NOT NULL,
    accepted_count    integer NOT NULL,
    rejected_count    integer NOT NULL,
    latency_ms        bigint  NOT NULL,
    previous_hash     bytea   NOT NULL,
    hash              bytea   NOT NULL,
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
    chain_id       text   NOT NULL,
    sequence       bigint NOT NULL,
    hub_id         text   NOT NULL,
    region         text   NOT NULL,
    recorded_at_us bigint NOT NULL,
    PRIMARY KEY (chain_id, sequence, hub_id)
);

CREATE INDEX IF NOT EXISTS exchange_log_person_hub ON exchange_log_person (hub_id, recorded_at_us DESC);
CREATE INDEX IF NOT EXISTS exchange_log_person_region ON exchange_log_person (region, recorded_at_us DESC);

-- A signed statement "entry <sequence> of <chain> has <hash>", every N entries or T seconds.
CREATE TABLE IF NOT EXISTS exchange_log_checkpoint
(
    chain_id     text   NOT NULL,
    sequence     bigint NOT NULL,
    hash         bytea  NOT NULL,
    signed_at_us bigint NOT NULL,
    key_id       text   NOT NULL,
    signature    bytea  NOT NULL,
    PRIMARY KEY (chain_id, sequence)
);

-- Public keys (SubjectPublicKeyInfo, DER) that checkpoints name by key id.
CREATE TABLE IF NOT EXISTS exchange_log_key
(
    key_id      text   NOT NULL PRIMARY KEY,
    public_key  bytea  NOT NULL,
    added_at_us bigint NOT NULL
);

CREATE OR REPLACE FUNCTION exchange_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('exchange.log_pruning', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE TRIGGER exchange_log_append_only BEFORE UPDATE OR DELETE ON exchange_log
    FOR EACH ROW EXECUTE FUNCTION exchange_log_append_only();
CREATE OR REPLACE TRIGGER exchange_log_no_truncate BEFORE TRUNCATE ON exchange_log
    FOR EACH STATEMENT EXECUTE FUNCTION exchange_log_append_only();
CREATE OR REPLACE TRIGGER exchange_log_person_append_only BEFORE UPDATE OR DELETE ON exchange_log_person
    FOR EACH ROW EXECUTE FUNCTION exchange_log_append_only();
CREATE OR REPLACE TRIGGER exchange_log_person_no_truncate BEFORE TRUNCATE ON exchange_log_person
    FOR EACH STATEMENT EXECUTE FUNCTION exchange_log_append_only();
CREATE OR REPLACE TRIGGER exchange_log_checkpoint_append_only BEFORE UPDATE OR DELETE ON exchange_log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION exchange_log_append_only();
CREATE OR REPLACE TRIGGER exchange_log_checkpoint_no_truncate BEFORE TRUNCATE ON exchange_log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION exchange_log_append_only();
