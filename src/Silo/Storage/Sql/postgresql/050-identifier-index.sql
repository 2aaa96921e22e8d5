-- A new child's identifiers enter the identifier index in the same transaction as the child's record.
-- When a registration's identifiers are all unknown, the person grain stores its first state with their index keys
-- under payload -> 'indexClaims' (PersonState.IndexClaims); this trigger inserts one identifier row per key, in the
-- shape IdentifierGrain stores ({"hubId", "claimedAt"}, version 1), so the claims are as durable as the record and
-- cost no transaction of their own. If a key already belongs to another hub id (a concurrent registration of the
-- same child got there first), the whole write fails and nothing is stored; the registration then resolves its
-- identifiers through the identifier grains. The message text is what the hub recognises (PersonGrain).
CREATE OR REPLACE FUNCTION identifier_index_claim() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    hub      text := NEW.payload -> 'record' ->> 'hubId';
    claims   jsonb := NEW.payload -> 'indexClaims';
    inserted integer;
BEGIN
    WITH claimed AS (
        INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload, modified_at)
        SELECT NEW.service_id, 'identifier', k, 0, 0, 1, jsonb_build_object('hubId', hub, 'claimedAt', to_jsonb(now())), now()
        FROM jsonb_array_elements_text(claims) AS k
        ON CONFLICT ON CONSTRAINT grain_state_pk DO NOTHING
        RETURNING 1
    )
    SELECT count(*) INTO inserted FROM claimed;

    -- Rows that were there already are fine only when they name this same hub id (a primary-key lookup per key).
    IF inserted < jsonb_array_length(claims) AND EXISTS (
        SELECT 1
        FROM jsonb_array_elements_text(claims) AS k
        WHERE (SELECT g.payload ->> 'hubId' FROM grain_state g
               WHERE g.service_id = NEW.service_id AND g.state_name = 'identifier' AND g.grain_key = k
                 AND g.n0 = 0 AND g.n1 = 0)
              IS DISTINCT FROM hub)
    THEN
        RAISE EXCEPTION 'exchange.identifier-taken: an identifier of this registration belongs to another record'
            USING ERRCODE = 'unique_violation';
    END IF;

    RETURN NULL;
END;
$fn$;

CREATE OR REPLACE TRIGGER identifier_index_claim
    AFTER INSERT ON grain_state
    FOR EACH ROW WHEN (NEW.state_name = 'person' AND NEW.payload ? 'indexClaims')
    EXECUTE FUNCTION identifier_index_claim();
