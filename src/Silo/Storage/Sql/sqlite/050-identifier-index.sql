-- A new child's identifiers enter the identifier index in the same transaction as the child's record.
-- When a registration's identifiers are all unknown, the person grain stores its first state with their index keys
-- under $.indexClaims (PersonState.IndexClaims); this trigger inserts one identifier row per key, in the shape
-- IdentifierGrain stores ({"hubId", "claimedAt"}, version 1), so the claims are as durable as the record and cost no
-- statement of their own. If a key already belongs to another hub id, the whole write fails and nothing is stored;
-- the registration then resolves its identifiers through the identifier grains. The message text is what the hub
-- recognises (PersonGrain).
DROP TRIGGER IF EXISTS identifier_index_claim;

CREATE TRIGGER identifier_index_claim AFTER INSERT ON grain_state
WHEN NEW.state_name = 'person' AND json_type(NEW.payload, '$.indexClaims') = 'array'
BEGIN
    INSERT INTO grain_state (service_id, state_name, grain_key, n0, n1, version, payload, modified_at)
    SELECT NEW.service_id, 'identifier', k.value, 0, 0, 1,
           json_object('hubId', json_extract(NEW.payload, '$.record.hubId'),
                       'claimedAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
           CURRENT_TIMESTAMP
    FROM json_each(NEW.payload, '$.indexClaims') AS k
    WHERE true
    ON CONFLICT DO NOTHING;

    -- Rows that were there already are fine only when they name this same hub id. One primary-key lookup per key:
    -- as a join, SQLite scanned every identifier row per registration.
    SELECT RAISE(ABORT, 'exchange.identifier-taken: an identifier of this registration belongs to another record')
    WHERE EXISTS (
        SELECT 1
        FROM json_each(NEW.payload, '$.indexClaims') AS k
        WHERE (SELECT json_extract(g.payload, '$.hubId') FROM grain_state g
               WHERE g.service_id = NEW.service_id AND g.state_name = 'identifier' AND g.grain_key = k.value
                 AND g.n0 = 0 AND g.n1 = 0)
              IS NOT json_extract(NEW.payload, '$.record.hubId'));
END;
