-- Schedule read model: due lists and coverage statistics without activating any grain.
-- The person grain stores a projection of its record under payload -> 'schedule' (StoredSchedule.cs) at every write;
-- the triggers below copy it into two tables (schedule_due, schedule_coverage) inside the grain write's own
-- statement, so the read model is never behind an acknowledged write and costs no extra round trip. `dotnet run --project src/Hub -- rebuild-read-models`
-- recomputes the projections from grain_state and refills both tables if they are lost or the rules change.
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

-- Upserts change only rows whose values differ (a new dose touches one or two due rows), then due rows the
-- projection no longer has are deleted. A cleared or deleted person loses all its rows.
CREATE OR REPLACE FUNCTION schedule_read_model_sync() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    s   jsonb;
    hub text;
    svc text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        s := NULL;
        hub := OLD.payload -> 'record' ->> 'hubId';
        svc := OLD.service_id;
    ELSE
        s := NEW.payload -> 'schedule';
        hub := coalesce(NEW.payload -> 'record' ->> 'hubId', CASE WHEN TG_OP = 'UPDATE' THEN OLD.payload -> 'record' ->> 'hubId' END);
        svc := NEW.service_id;
    END IF;

    IF hub IS NULL THEN
        RETURN NULL;
    END IF;

    -- A new person has no rows yet: plain inserts, without the conflict checks an upsert makes per row.
    IF s IS NOT NULL AND TG_OP = 'INSERT' THEN
        INSERT INTO schedule_due (service_id, hub_id, series, dose, vaccine, earliest, recommended, overdue, latest,
                                  managing_unit, county, register_status, grain_key, n0, n1)
        SELECT svc, hub, d ->> 's', (d ->> 'n')::integer, d ->> 'v', (d ->> 'e')::date, (d ->> 'r')::date,
               (d ->> 'o')::date, (d ->> 'l')::date, s ->> 'u', left(s ->> 'u', 6), (s ->> 'st')::integer,
               NEW.grain_key, NEW.n0, NEW.n1
        FROM jsonb_array_elements(s -> 'due') AS d;

        INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses)
        VALUES (svc, hub, s ->> 'u', (s ->> 'res')::integer, (s ->> 'st')::integer, coalesce(s -> 'doses', '[]'));
    ELSIF s IS NOT NULL THEN
        INSERT INTO schedule_due AS t (service_id, hub_id, series, dose, vaccine, earliest, recommended, overdue, latest,
                                       managing_unit, county, register_status, grain_key, n0, n1)
        SELECT svc, hub, d ->> 's', (d ->> 'n')::integer, d ->> 'v', (d ->> 'e')::date, (d ->> 'r')::date,
               (d ->> 'o')::date, (d ->> 'l')::date, s ->> 'u', left(s ->> 'u', 6), (s ->> 'st')::integer,
               NEW.grain_key, NEW.n0, NEW.n1
        FROM jsonb_array_elements(s -> 'due') AS d
        ON CONFLICT ON CONSTRAINT schedule_due_pk DO UPDATE
        SET vaccine = excluded.vaccine, earliest = excluded.earliest, recommended = excluded.recommended,
            overdue = excluded.overdue, latest = excluded.latest, managing_unit = excluded.managing_unit,
            county = excluded.county, register_status = excluded.register_status
        WHERE (t.vaccine, t.earliest, t.recommended, t.overdue, t.latest, t.managing_unit, t.register_status)
              IS DISTINCT FROM
              (excluded.vaccine, excluded.earliest, excluded.recommended, excluded.overdue, excluded.latest,
               excluded.managing_unit, excluded.register_status);

        INSERT INTO schedule_coverage AS t (service_id, hub_id, managing_unit, residence, register_status, doses)
        VALUES (svc, hub, s ->> 'u', (s ->> 'res')::integer, (s ->> 'st')::integer, coalesce(s -> 'doses', '[]'))
        ON CONFLICT ON CONSTRAINT schedule_coverage_pk DO UPDATE
        SET managing_unit = excluded.managing_unit, residence = excluded.residence,
            register_status = excluded.register_status, doses = excluded.doses
        WHERE (t.managing_unit, t.residence, t.register_status, t.doses)
              IS DISTINCT FROM
              (excluded.managing_unit, excluded.residence, excluded.register_status, excluded.doses);
    END IF;

    IF TG_OP <> 'INSERT' THEN
        DELETE FROM schedule_due t
        WHERE t.service_id = svc AND t.hub_id = hub
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(s -> 'due') AS d
                          WHERE d ->> 's' = t.series AND (d ->> 'n')::integer = t.dose);
        IF s IS NULL THEN
            DELETE FROM schedule_coverage t WHERE t.service_id = svc AND t.hub_id = hub;
        END IF;
    END IF;

    RETURN NULL;
END;
$fn$;

CREATE OR REPLACE TRIGGER schedule_read_model_write
    AFTER INSERT OR UPDATE OF payload ON grain_state
    FOR EACH ROW WHEN (NEW.state_name = 'person')
    EXECUTE FUNCTION schedule_read_model_sync();

CREATE OR REPLACE TRIGGER schedule_read_model_delete
    AFTER DELETE ON grain_state
    FOR EACH ROW WHEN (OLD.state_name = 'person')
    EXECUTE FUNCTION schedule_read_model_sync();
