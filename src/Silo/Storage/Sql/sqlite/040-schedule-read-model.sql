-- Schedule read model: due lists and coverage statistics without activating any grain.
-- The person grain stores a projection of its record under $.schedule (StoredSchedule.cs) at every write; the
-- triggers below copy it into two tables (schedule_due, schedule_coverage) inside the grain write's own statement, so the read model is never behind
-- an acknowledged write and costs no extra round trip (changes() still reports only the grain_state row, which the
-- write query relies on). `dotnet run --project src/Hub -- rebuild-read-models` refills both tables from grain_state.
-- Dates are 'yyyy-MM-dd' text (they compare correctly as text); booleans are 0/1.
CREATE TABLE IF NOT EXISTS schedule_due
(
    service_id      TEXT    NOT NULL,
    hub_id          TEXT    NOT NULL,
    series          TEXT    NOT NULL,
    dose            INTEGER NOT NULL,
    vaccine         TEXT    NOT NULL,
    earliest        TEXT    NOT NULL,
    recommended     TEXT    NOT NULL,
    overdue         TEXT,
    latest          TEXT    NOT NULL,
    managing_unit   TEXT    NOT NULL,
    county          TEXT    NOT NULL,
    register_status INTEGER NOT NULL,
    grain_key       TEXT    NOT NULL,
    n0              INTEGER NOT NULL,
    n1              INTEGER NOT NULL,
    PRIMARY KEY (service_id, hub_id, series, dose)
);

CREATE INDEX IF NOT EXISTS schedule_due_unit ON schedule_due (service_id, managing_unit, recommended, hub_id, series, dose);
CREATE INDEX IF NOT EXISTS schedule_due_county ON schedule_due (service_id, county, recommended, hub_id, series, dose);

-- schedule_coverage: one row per child with its scheduled-dose facts as the projection's JSON array (see the
-- PostgreSQL script for why not a row per dose).
CREATE TABLE IF NOT EXISTS schedule_coverage
(
    service_id      TEXT    NOT NULL,
    hub_id          TEXT    NOT NULL,
    managing_unit   TEXT    NOT NULL,
    residence       INTEGER NOT NULL,
    register_status INTEGER NOT NULL,
    doses           TEXT    NOT NULL,
    PRIMARY KEY (service_id, hub_id)
);

CREATE INDEX IF NOT EXISTS schedule_coverage_unit ON schedule_coverage (service_id, managing_unit);

-- Databases from before schedule_coverage: fill it from the stored projections, then drop the per-dose table.
-- (Harmless when schedule_dose never existed: the fill finds every row already there.)
INSERT OR IGNORE INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses)
SELECT service_id, json_extract(payload, '$.record.hubId'), json_extract(payload, '$.schedule.u'),
       json_extract(payload, '$.schedule.res'), json_extract(payload, '$.schedule.st'),
       json_extract(payload, '$.schedule.doses')
FROM grain_state
WHERE state_name = 'person' AND json_extract(payload, '$.record.hubId') IS NOT NULL
  AND json_extract(payload, '$.schedule.doses') IS NOT NULL
  AND EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schedule_dose');
DROP TABLE IF EXISTS schedule_dose;

-- Recreated on every start so that a changed trigger body takes effect (the installer runs in one transaction).
DROP TRIGGER IF EXISTS schedule_read_model_insert;
DROP TRIGGER IF EXISTS schedule_read_model_update;
DROP TRIGGER IF EXISTS schedule_read_model_delete;

CREATE TRIGGER schedule_read_model_insert AFTER INSERT ON grain_state
WHEN NEW.state_name = 'person' AND json_extract(NEW.payload, '$.record.hubId') IS NOT NULL
BEGIN
    INSERT INTO schedule_due (service_id, hub_id, series, dose, vaccine, earliest, recommended, overdue, latest,
                              managing_unit, county, register_status, grain_key, n0, n1)
    SELECT NEW.service_id, json_extract(NEW.payload, '$.record.hubId'),
           json_extract(d.value, '$.s'), json_extract(d.value, '$.n'), json_extract(d.value, '$.v'),
           json_extract(d.value, '$.e'), json_extract(d.value, '$.r'), json_extract(d.value, '$.o'),
           json_extract(d.value, '$.l'), json_extract(NEW.payload, '$.schedule.u'),
           substr(json_extract(NEW.payload, '$.schedule.u'), 1, 6), json_extract(NEW.payload, '$.schedule.st'),
           NEW.grain_key, NEW.n0, NEW.n1
    FROM json_each(NEW.payload, '$.schedule.due') AS d
    WHERE true
    ON CONFLICT (service_id, hub_id, series, dose) DO UPDATE
    SET vaccine = excluded.vaccine, earliest = excluded.earliest, recommended = excluded.recommended,
        overdue = excluded.overdue, latest = excluded.latest, managing_unit = excluded.managing_unit,
        county = excluded.county, register_status = excluded.register_status,
        grain_key = excluded.grain_key, n0 = excluded.n0, n1 = excluded.n1;

    INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses)
    SELECT NEW.service_id, json_extract(NEW.payload, '$.record.hubId'), json_extract(NEW.payload, '$.schedule.u'),
           json_extract(NEW.payload, '$.schedule.res'), json_extract(NEW.payload, '$.schedule.st'),
           coalesce(json_extract(NEW.payload, '$.schedule.doses'), '[]')
    WHERE json_extract(NEW.payload, '$.record.hubId') IS NOT NULL AND json_extract(NEW.payload, '$.schedule') IS NOT NULL
    ON CONFLICT (service_id, hub_id) DO UPDATE
    SET managing_unit = excluded.managing_unit, residence = excluded.residence,
        register_status = excluded.register_status, doses = excluded.doses;
END;

-- An update upserts only rows whose values changed, then deletes rows the projection no longer has.
CREATE TRIGGER schedule_read_model_update AFTER UPDATE OF payload ON grain_state
WHEN NEW.state_name = 'person'
 AND coalesce(json_extract(NEW.payload, '$.record.hubId'), json_extract(OLD.payload, '$.record.hubId')) IS NOT NULL
BEGIN
    INSERT INTO schedule_due (service_id, hub_id, series, dose, vaccine, earliest, recommended, overdue, latest,
                              managing_unit, county, register_status, grain_key, n0, n1)
    SELECT NEW.service_id, json_extract(NEW.payload, '$.record.hubId'),
           json_extract(d.value, '$.s'), json_extract(d.value, '$.n'), json_extract(d.value, '$.v'),
           json_extract(d.value, '$.e'), json_extract(d.value, '$.r'), json_extract(d.value, '$.o'),
           json_extract(d.value, '$.l'), json_extract(NEW.payload, '$.schedule.u'),
           substr(json_extract(NEW.payload, '$.schedule.u'), 1, 6), json_extract(NEW.payload, '$.schedule.st'),
           NEW.grain_key, NEW.n0, NEW.n1
    FROM json_each(NEW.payload, '$.schedule.due') AS d
    WHERE true
    ON CONFLICT (service_id, hub_id, series, dose) DO UPDATE
    SET vaccine = excluded.vaccine, earliest = excluded.earliest, recommended = excluded.recommended,
        overdue = excluded.overdue, latest = excluded.latest, managing_unit = excluded.managing_unit,
        county = excluded.county, register_status = excluded.register_status
    WHERE (vaccine, earliest, recommended, overdue, latest, managing_unit, register_status)
          IS NOT (excluded.vaccine, excluded.earliest, excluded.recommended, excluded.overdue, excluded.latest,
                  excluded.managing_unit, excluded.register_status);

    INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses)
    SELECT NEW.service_id, json_extract(NEW.payload, '$.record.hubId'), json_extract(NEW.payload, '$.schedule.u'),
           json_extract(NEW.payload, '$.schedule.res'), json_extract(NEW.payload, '$.schedule.st'),
           coalesce(json_extract(NEW.payload, '$.schedule.doses'), '[]')
    WHERE json_extract(NEW.payload, '$.record.hubId') IS NOT NULL AND json_extract(NEW.payload, '$.schedule') IS NOT NULL
    ON CONFLICT (service_id, hub_id) DO UPDATE
    SET managing_unit = excluded.managing_unit, residence = excluded.residence,
        register_status = excluded.register_status, doses = excluded.doses
    WHERE (managing_unit, residence, register_status, doses)
          IS NOT (excluded.managing_unit, excluded.residence, excluded.register_status, excluded.doses);

    DELETE FROM schedule_due
    WHERE service_id = NEW.service_id
      AND hub_id = coalesce(json_extract(NEW.payload, '$.record.hubId'), json_extract(OLD.payload, '$.record.hubId'))
      AND NOT EXISTS (SELECT 1 FROM json_each(NEW.payload, '$.schedule.due') AS d
                      WHERE json_extract(d.value, '$.s') = schedule_due.series
                        AND json_extract(d.value, '$.n') = schedule_due.dose);

    DELETE FROM schedule_coverage
    WHERE service_id = NEW.service_id AND json_extract(NEW.payload, '$.schedule') IS NULL
      AND hub_id = coalesce(json_extract(NEW.payload, '$.record.hubId'), json_extract(OLD.payload, '$.record.hubId'));
END;

CREATE TRIGGER schedule_read_model_delete AFTER DELETE ON grain_state
WHEN OLD.state_name = 'person' AND json_extract(OLD.payload, '$.record.hubId') IS NOT NULL
BEGIN
    DELETE FROM schedule_due WHERE service_id = OLD.service_id AND hub_id = json_extract(OLD.payload, '$.record.hubId');
    DELETE FROM schedule_coverage WHERE service_id = OLD.service_id AND hub_id = json_extract(OLD.payload, '$.record.hubId');
END;

-- Dose facts were six-key objects ({"s","n","f","g","t","c"}) before they became strings of fixed layout
-- (StoredDoseJsonConverter.cs). Rows written before are rewritten once; schema_migration records that it was done.
-- The grain state keeps the old form until the person's next write: the hub reads both.
CREATE TABLE IF NOT EXISTS schema_migration
(
    name       TEXT NOT NULL PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

UPDATE schedule_coverage
SET doses = (SELECT json_group_array(json_extract(d.value, '$.f') || ' ' || coalesce(json_extract(d.value, '$.g'), '----------')
                                     || ' ' || CASE WHEN json_extract(d.value, '$.t') THEN 't' ELSE '-' END
                                     || CASE WHEN json_extract(d.value, '$.c') THEN 'c' ELSE '-' END
                                     || ' ' || json_extract(d.value, '$.n') || ' ' || json_extract(d.value, '$.s'))
             FROM json_each(schedule_coverage.doses) AS d)
WHERE NOT EXISTS (SELECT 1 FROM schema_migration WHERE name = 'coverage-dose-facts-as-strings')
  AND json_type(doses, '$[0]') = 'object';
INSERT OR IGNORE INTO schema_migration (name) VALUES ('coverage-dose-facts-as-strings');
