-- Grain state for AdoNetGrainStorage with a System.Text.Json serializer: one row per (service, state name, grain key).
-- String keys arrive whole in GrainIdExtensionString with N0 = N1 = 0; Guid and integer keys arrive in N0/N1 with the
-- extension (if any) in GrainIdExtensionString. Storing coalesce(extension, '') keeps every lookup a primary-key probe.
-- payload is JSON *text*: SQLite >= 3.45 reads a BLOB given to json_* functions as binary JSONB, so bytes stay out.
CREATE TABLE IF NOT EXISTS grain_state
(
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    n0          INTEGER NOT NULL,
    n1          INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    payload     TEXT,
    modified_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (service_id, state_name, grain_key, n0, n1)
);

-- Rules shared by Write, Clear and Delete:
-- * Versions run 1 .. 2147483647 and then wrap to 1 (version % 2147483647 + 1), so an int never overflows.
-- * Exactly one row comes back: the new version, or NULL on a version conflict. Orleans turns NULL into
--   InconsistentStateException; an empty result would not be caught when an ETag was sent.
-- * RETURNING cannot produce that NULL row, so the change runs first and a second statement reports it through
--   changes(); the new version is computed from @GrainStateVersion, so no second lookup (and no race) is involved.
-- * PRAGMA synchronous = NORMAL returns no row (anything that does would reach Orleans' reader) and is per
--   connection: in WAL mode a commit then no longer waits for fsync, yet survives a killed process. A power cut can
--   lose the last commits but never corrupts the file. Measurements: see SqliteDataSource.cs.
-- Write is one upsert: it inserts when no version was sent, updates when the version matches, else does nothing.
-- The SELECT feeding it yields a row only when an insert is allowed or the row exists, so a write carrying a version
-- never resurrects a deleted row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
SELECT CAST(payload AS BLOB) AS PayloadBinary,
       version AS Version
FROM grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''')
  AND n0 = @GrainIdN0
  AND n1 = @GrainIdN1;
'),
('WriteToStorageKey', '
PRAGMA synchronous = NORMAL;
INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload, modified_at)
SELECT @ServiceId, @GrainTypeString, coalesce(@GrainIdExtensionString, ''''), @GrainIdN0, @GrainIdN1,
       1, CAST(@PayloadBinary AS TEXT), CURRENT_TIMESTAMP
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM grain_state
              WHERE service_id = @ServiceId
                AND state_name = @GrainTypeString
                AND grain_key = coalesce(@GrainIdExtensionString, '''')
                AND n0 = @GrainIdN0
                AND n1 = @GrainIdN1)
ON CONFLICT (service_id, state_name, grain_key, n0, n1) DO UPDATE
SET version = version % 2147483647 + 1,
    payload = excluded.payload,
    modified_at = excluded.modified_at
WHERE grain_state.version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1
            THEN coalesce(@GrainStateVersion % 2147483647 + 1, 1)
       END AS NewGrainStateVersion;
'),
('ClearStorageKey', '
PRAGMA synchronous = NORMAL;
UPDATE grain_state
SET version = version % 2147483647 + 1,
    payload = NULL,
    modified_at = CURRENT_TIMESTAMP
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''')
  AND n0 = @GrainIdN0
  AND n1 = @GrainIdN1
  AND version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1 THEN @GrainStateVersion % 2147483647 + 1 END AS NewGrainStateVersion;
'),
('DeleteStorageKey', '
PRAGMA synchronous = NORMAL;
DELETE FROM grain_state
WHERE service_id = @ServiceId
  AND state_name = @GrainTypeString
  AND grain_key = coalesce(@GrainIdExtensionString, '''')
  AND n0 = @GrainIdN0
  AND n1 = @GrainIdN1
  AND version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1 THEN @GrainStateVersion % 2147483647 + 1 END AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText
WHERE OrleansQuery.QueryText IS NOT excluded.QueryText;
