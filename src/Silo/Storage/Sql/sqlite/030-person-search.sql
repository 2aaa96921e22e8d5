-- Person search reads the stored records (state "person", JSON written by the grains), through expression
-- indexes: no second copy of the data to keep in step. Paths follow PersonState's JSON (camelCase).
-- The indexes hold the searched expressions only, so no key lookup is ever planned through them.
CREATE INDEX IF NOT EXISTS person_search_mother_id_number
    ON grain_state (json_extract(payload, '$.record.demographics.mother.idNumber'))
    WHERE state_name = 'person';

CREATE INDEX IF NOT EXISTS person_search_name_birth_date
    ON grain_state (json_extract(payload, '$.record.demographics.name'),
                    json_extract(payload, '$.record.demographics.birthDate'))
    WHERE state_name = 'person';

-- FHIR Patient search by birth date alone (a name prefix is a range on the name index above).
CREATE INDEX IF NOT EXISTS person_search_birth_date
    ON grain_state (json_extract(payload, '$.record.demographics.birthDate'))
    WHERE state_name = 'person';
