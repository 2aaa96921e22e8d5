-- Schedule read model: due lists and coverage statistics without activating any grain.
-- The person grain stores a projection of its record under payload -> 'schedule' (StoredSchedule.cs) at every write;
-- the person-state trigger (060-person-state-triggers.sql) copies it into two tables (schedule_due, schedule_coverage)
-- inside the grain write's own statement, so the read model is never behind an acknowledged write and costs no extra
-- round trip. `dotnet run --project src/Hub -- rebuild-read-models` recomputes the projections from grain_state and
-- refills both tables if they are lost or the rules change.
--
-- schedule_due: the next dose of each series (and, where a dose is skipped at an age, the dose after it).
CREATE TABLE IF NOT EXISTS schedule_due
(
    service_id      text COLLATE "C" NOT NULL,
    hub_id          text COLLATE "C" NOT NULL,
    series          text COLLATE "C" NOT NULL,
    dose            integer          NOT NULL,
    vaccine         text COLLATE "C" NOT NULL,
    earliest        date             NOT NULL,
    recommended     date             NOT NULL,
    overdue         date,
    latest          date             NOT NULL,
    managing_unit   text COLLATE "C" NOT NULL,
    county          text COLLATE "C" NOT NULL,
    register_status integer          NOT NULL,
    grain_key       text COLLATE "C" NOT NULL,
    n0              bigint           NOT NULL,
    n1              bigint           NOT NULL,
    CONSTRAINT schedule_due_pk PRIMARY KEY (service_id, hub_id, series, dose)
);

-- Due lists read a unit's (or a county's) rows in recommended-date order; the trailing columns are the page key.
CREATE INDEX IF NOT EXISTS schedule_due_unit ON schedule_due (service_id, managing_unit, recommended, hub_id, series, dose);
CREATE INDEX IF NOT EXISTS schedule_due_county ON schedule_due (service_id, county, recommended, hub_id, series, dose);

-- schedule_coverage: one row per child holding its scheduled-dose facts (应种 / 实种 / 及时, facts §5.1) as the
-- projection's own JSON array. Coverage unnests the facts of an area's children; a row per dose instead cost two
-- index entries per scheduled dose (about 46 per child) at every write, half of the database's work per new child.
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
