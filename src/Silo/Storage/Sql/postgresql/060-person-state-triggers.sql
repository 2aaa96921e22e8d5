-- What a person's write changes besides its own row, in the same statement: one trigger function for both jobs, since
-- each trigger fired per row costs its own function call and plan set-up (a profile put the two triggers this
-- replaces at a third of PostgreSQL's CPU during ingest).
--
-- 1. Identifier index claims (INSERT only). When a registration's identifiers are all unknown, the person grain
--    stores its first state with their index keys under payload -> 'indexClaims' (PersonState.IndexClaims); one
--    identifier row is inserted per key, in the shape IdentifierGrain stores ({"hubId", "claimedAt"}, version 1), so
--    the claims are as durable as the record and cost no transaction of their own. If a key already belongs to
--    another hub id (a concurrent registration of the same child got there first), the whole write fails and nothing
--    is stored; the registration then resolves its identifiers through the identifier grains.
-- 2. Schedule read model (040-schedule-read-model.sql): the projection under payload -> 'schedule' becomes the
--    person's row of schedule_due_person (when any dose is due) and of schedule_coverage. A new person's rows are
--    plain inserts; later writes upsert only a row whose values differ. A person with nothing left due loses its due
--    row; a cleared or deleted person loses both.
DROP TRIGGER IF EXISTS identifier_index_claim ON grain_state;
DROP FUNCTION IF EXISTS identifier_index_claim();
DROP TRIGGER IF EXISTS schedule_read_model_write ON grain_state;
DROP TRIGGER IF EXISTS schedule_read_model_delete ON grain_state;
DROP FUNCTION IF EXISTS schedule_read_model_sync();

CREATE OR REPLACE FUNCTION person_state_written() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    s        jsonb;
    hub      text;
    svc      text;
    unit     text;
    status   integer;
    claims   jsonb;
    first_due date;
    last_due  date;
BEGIN
    IF TG_OP = 'DELETE' THEN
        hub := OLD.payload -> 'record' ->> 'hubId';
        svc := OLD.service_id;
    ELSE
        s := NEW.payload -> 'schedule';
        hub := coalesce(NEW.payload -> 'record' ->> 'hubId', CASE WHEN TG_OP = 'UPDATE' THEN OLD.payload -> 'record' ->> 'hubId' END);
        svc := NEW.service_id;
        unit := s ->> 'u';
        status := (s ->> 'st')::integer;
    END IF;

    IF hub IS NULL THEN
        RETURN NULL;
    END IF;

    IF TG_OP = 'INSERT' THEN
        claims := NEW.payload -> 'indexClaims';
        -- One statement for all of a new person's rows: each statement a trigger runs pays its own executor start-up
        -- (about 2% of PostgreSQL's CPU each during ingest). Data-modifying CTEs all run, referenced or not.
        -- Claims: the hub id is new (the directory draws it for this write), so a row already there for one of the
        -- keys belongs to another record: the primary key refuses it and the whole write fails
        -- (IdentifierIndexConflict knows the error by its constraint). A plain insert spares the speculative insertion
        -- of ON CONFLICT: an index probe and a confirmation record per key.
        WITH claimed AS (
            INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload, modified_at)
            SELECT svc, 'identifier', k, 0, 0, 1, jsonb_build_object('hubId', hub, 'claimedAt', to_jsonb(now())), now()
            FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(claims) = 'array' THEN claims ELSE '[]'::jsonb END) AS k
        ), due AS (
            INSERT INTO schedule_due_person (service_id, hub_id, managing_unit, register_status, first_due, last_due, due,
                                             grain_key, n0, n1)
            SELECT svc, hub, unit, status, span.first_due, span.last_due, s -> 'due', NEW.grain_key, NEW.n0, NEW.n1
            FROM schedule_due_span(s -> 'due') AS span
            WHERE span.first_due IS NOT NULL
        )
        INSERT INTO schedule_coverage (service_id, hub_id, managing_unit, residence, register_status, doses)
        SELECT svc, hub, unit, (s ->> 'res')::integer, status, coalesce(s -> 'doses', '[]')
        WHERE s IS NOT NULL;

        RETURN NULL;
    END IF;

    IF s IS NOT NULL THEN
        SELECT span.first_due, span.last_due INTO first_due, last_due FROM schedule_due_span(s -> 'due') AS span;
    END IF;

    IF first_due IS NOT NULL THEN
        INSERT INTO schedule_due_person AS t (service_id, hub_id, managing_unit, register_status, first_due, last_due, due,
                                              grain_key, n0, n1)
        VALUES (svc, hub, unit, status, first_due, last_due, s -> 'due', NEW.grain_key, NEW.n0, NEW.n1)
        ON CONFLICT ON CONSTRAINT schedule_due_person_pk DO UPDATE
        SET managing_unit = excluded.managing_unit, register_status = excluded.register_status,
            first_due = excluded.first_due, last_due = excluded.last_due, due = excluded.due
        WHERE (t.managing_unit, t.register_status, t.first_due, t.last_due, t.due)
              IS DISTINCT FROM
              (excluded.managing_unit, excluded.register_status, excluded.first_due, excluded.last_due, excluded.due);
    ELSE
        DELETE FROM schedule_due_person t WHERE t.service_id = svc AND t.hub_id = hub;
    END IF;

    IF s IS NOT NULL THEN
        INSERT INTO schedule_coverage AS t (service_id, hub_id, managing_unit, residence, register_status, doses)
        VALUES (svc, hub, unit, (s ->> 'res')::integer, status, coalesce(s -> 'doses', '[]'))
        ON CONFLICT ON CONSTRAINT schedule_coverage_pk DO UPDATE
        SET managing_unit = excluded.managing_unit, residence = excluded.residence,
            register_status = excluded.register_status, doses = excluded.doses
        WHERE (t.managing_unit, t.residence, t.register_status, t.doses)
              IS DISTINCT FROM
              (excluded.managing_unit, excluded.residence, excluded.register_status, excluded.doses);
    ELSE
        DELETE FROM schedule_coverage t WHERE t.service_id = svc AND t.hub_id = hub;
    END IF;

    RETURN NULL;
END;
$fn$;

CREATE OR REPLACE TRIGGER person_state_written
    AFTER INSERT OR UPDATE OF payload ON grain_state
    FOR EACH ROW WHEN (NEW.state_name = 'person')
    EXECUTE FUNCTION person_state_written();

CREATE OR REPLACE TRIGGER person_state_deleted
    AFTER DELETE ON grain_state
    FOR EACH ROW WHEN (OLD.state_name = 'person')
    EXECUTE FUNCTION person_state_written();
