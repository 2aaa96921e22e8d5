-- Person search reads the stored records (state "person", JSON written by the grains), through expression
-- indexes: no second copy of the data to keep in step. Paths follow PersonState's JSON (camelCase).
CREATE INDEX IF NOT EXISTS person_by_mother_id_number
    ON grain_state (service_id, (payload -> 'record' -> 'demographics' -> 'mother' ->> 'idNumber'))
    WHERE state_name = 'person';

CREATE INDEX IF NOT EXISTS person_by_name_and_birth_date
    ON grain_state (service_id,
                    (payload -> 'record' -> 'demographics' ->> 'name'),
                    (payload -> 'record' -> 'demographics' ->> 'birthDate'))
    WHERE state_name = 'person';
