-- Schedule read model: due lists and coverage statistics without activating any grain.
-- The person grain stores a projection of its record under payload -> 'schedule' (StoredSchedule.cs) at every write;
-- the person-state trigger (060-person-state-triggers.sql) copies it into two tables (schedule_due_person, schedule_coverage)
-- inside the grain write's own statement, so the read model is never behind an acknowledged write and costs no extra
-- round trip. `dotnet run --project src/Hub -- rebuild-read-models` recomputes the projections from grain_state and
-- refills both tables if they are lost or the rules change.
--
-- schedule_due_person: a person's due doses, one row per person with any. The projection's due array (the next dose
-- of each series and, where a dose is skipped at an age, the dose after it) is kept whole; a due list unpacks the rows
-- of the unit whose earliest recommended date falls before the list's end. A row per dose with three indexes was a
-- quarter to a third of PostgreSQL's CPU during ingest (4.4 rows and 13 index entries per child); a row per person
-- costs one row and two index entries. Children of a county share the 6-digit prefix of their unit codes, so county
-- lists scan the same index over a range of units.
CREATE TABLE IF NOT EXISTS schedule_due_person
(
    service_id      text COLLATE "C" NOT NULL,
    hub_id          text COLLATE "C" NOT NULL,
    managing_unit   text COLLATE "C" NOT NULL,
    register_status integer          NOT NULL,
    first_due       date             NOT NULL, -- earliest recommended date in due
    last_due        date             NOT NULL, -- latest "latest" date in due: nothing is due after it
    due             jsonb            NOT NULL, -- [{"s","n","v","e","r","o","l"}] as StoredSchedule writes it
    grain_key       text COLLATE "C" NOT NULL,
    n0              bigint           NOT NULL,
    n1              bigint           NOT NULL,
    CONSTRAINT schedule_due_person_pk PRIMARY KEY (service_id, hub_id)
);

CREATE INDEX IF NOT EXISTS schedule_due_person_unit ON schedule_due_person (service_id, managing_unit, first_due);

-- The first recommended and the last "latest" date of a projection's due array (both null when nothing is due): the
-- person-state trigger and the migration below keep a row's first_due and last_due with it.
CREATE OR REPLACE FUNCTION schedule_due_span(due jsonb)
RETURNS TABLE (first_due date, last_due date)
LANGUAGE sql STABLE AS $fn$
    SELECT min(d.r), max(d.l)
    FROM jsonb_to_recordset(CASE WHEN jsonb_typeof(due) = 'array' THEN due ELSE '[]' END) AS d(r date, l date)
$fn$;

-- Databases from before schedule_due_person: fill it from the stored projections once, then drop the per-dose table.
DO $due$
BEGIN
    IF to_regclass('schedule_due') IS NOT NULL THEN
        INSERT INTO schedule_due_person (service_id, hub_id, managing_unit, register_status, first_due, last_due, due,
                                         grain_key, n0, n1)
        SELECT g.service_id, g.payload -> 'record' ->> 'hubId', g.payload -> 'schedule' ->> 'u',
               (g.payload -> 'schedule' ->> 'st')::integer, span.first_due, span.last_due, g.payload -> 'schedule' -> 'due',
               g.grain_key, g.n0, g.n1
        FROM grain_state g
        CROSS JOIN LATERAL schedule_due_span(g.payload -> 'schedule' -> 'due') AS span
        WHERE g.state_name = 'person' AND g.payload -> 'record' ->> 'hubId' IS NOT NULL AND span.first_due IS NOT NULL
        ON CONFLICT ON CONSTRAINT schedule_due_person_pk DO NOTHING;
        DROP TABLE schedule_due;
    END IF;
END
$due$;

CREATE TABLE IF NOT EXISTS schedule_coverage
(
    service_id      text COLLATE "C" NOT NULL,
    hub_id          text COLLATE "C" NOT NULL,
    managing_unit   text COLLATE "C" NOT NULL,
    residence       integer          NOT NULL,
    register_status integer          NOT NULL,
    doses           jsonb            NOT NULL,
    CONSTRAINT schedule_coverage_pk PRIMARY KEY (service_id, hub_id)
);

CREATE INDEX IF NOT EXISTS schedule_coverage_unit ON schedule_coverage (service_id, managing_unit);

-- A child's facts are 2-3 KB of JSON, over the 2 KB at which PostgreSQL compresses a row: lz4 compresses several
-- times faster than the default pglz (a profile of ingest found pglz at 1.5% of the database's CPU). Changed only
-- when not yet so, since ALTER TABLE locks the table and this runs at every start.
DO $doses$
BEGIN
    IF (SELECT attcompression FROM pg_attribute WHERE attrelid = 'schedule_coverage'::regclass AND attname = 'doses') <> 'l' THEN
        BEGIN
            ALTER TABLE schedule_coverage ALTER COLUMN doses SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN
            RAISE NOTICE 'lz4 is not available; schedule_coverage.doses keeps the default compression';
        END;
    END IF;
END
$doses$;

-- Databases from before schedule_coverage: fill it from the stored projections once, then drop the per-dose table.
DO $migrate$
BEGIN
    IF to_regclass('schedule_dose') IS NOT NULL THEN
        INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses)
        SELECT service_id, payload -> 'record' ->> 'hubId', payload -> 'schedule' ->> 'u',
               (payload -> 'schedule' ->> 'res')::integer, (payload -> 'schedule' ->> 'st')::integer,
               payload -> 'schedule' -> 'doses'
        FROM grain_state
        WHERE state_name = 'person' AND payload -> 'record' ->> 'hubId' IS NOT NULL
          AND payload -> 'schedule' -> 'doses' IS NOT NULL
        ON CONFLICT ON CONSTRAINT schedule_coverage_pk DO NOTHING;
        DROP TABLE schedule_dose;
    END IF;
END
$migrate$;

-- Dose facts were six-key objects ({"s","n","f","g","t","c"}) before they became strings of fixed layout
-- (StoredDoseJsonConverter.cs). Rows written before are rewritten once; schema_migration records that it was done,
-- so later starts do not scan the table. The grain state keeps the old form until the person's next write: the hub
-- reads both, and the trigger copies only what a write brings.
CREATE TABLE IF NOT EXISTS schema_migration
(
    name       text        NOT NULL PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

DO $facts$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM schema_migration WHERE name = 'coverage-dose-facts-as-strings') THEN
        UPDATE schedule_coverage p
        SET doses = (SELECT coalesce(jsonb_agg(concat_ws(' ', d ->> 'f', coalesce(d ->> 'g', '----------'),
                                                         CASE WHEN (d ->> 't')::boolean THEN 't' ELSE '-' END
                                                         || CASE WHEN (d ->> 'c')::boolean THEN 'c' ELSE '-' END,
                                                         d ->> 'n', d ->> 's') ORDER BY i), '[]'::jsonb)
                     FROM jsonb_array_elements(p.doses) WITH ORDINALITY AS e(d, i))
        WHERE jsonb_typeof(p.doses -> 0) = 'object';
        INSERT INTO schema_migration (name) VALUES ('coverage-dose-facts-as-strings');
    END IF;
END
$facts$;
