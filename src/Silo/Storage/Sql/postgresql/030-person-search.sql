-- Person search reads the stored records (state "person", JSON written by the grains), through expression
-- indexes: no second copy of the data to keep in step. Paths follow PersonState's JSON (camelCase).
-- The indexes hold the searched expressions only (no key columns), so the planner can never mistake one of them
-- for a way to find a grain's row by key: before the first ANALYZE it did, and scanned every person per read.
CREATE INDEX IF NOT EXISTS person_search_mother_id_number
    ON grain_state ((payload -> 'record' -> 'demographics' -> 'mother' ->> 'idNumber'))
    WHERE state_name = 'person';

-- Name (byte order, "C") then birth date: serves the exact name + birth date search and, through its first column,
-- the FHIR name-prefix range. One index for both saves an index entry per person write; it replaced two older ones.
CREATE INDEX IF NOT EXISTS person_search_name_c_birth_date
    ON grain_state (((payload -> 'record' -> 'demographics' ->> 'name') COLLATE "C"),
                    (payload -> 'record' -> 'demographics' ->> 'birthDate'))
    WHERE state_name = 'person';
DROP INDEX IF EXISTS person_search_name_birth_date;
DROP INDEX IF EXISTS person_search_name_prefix;

-- FHIR Patient search by birth date alone.
CREATE INDEX IF NOT EXISTS person_search_birth_date
    ON grain_state ((payload -> 'record' -> 'demographics' ->> 'birthDate'))
    WHERE state_name = 'person';
