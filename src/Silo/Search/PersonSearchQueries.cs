using Exchange.Silo.Storage;

namespace Exchange.Silo.Search;

/// <summary>The search SQL of each database; each query matches an expression index of 030-person-search.sql.</summary>
internal static class PersonSearchQueries
{
    public static string ByMotherIdNumber(DatabaseKind kind) => kind == DatabaseKind.PostgreSql
        ? """
          SELECT grain_key FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND payload -> 'record' -> 'demographics' -> 'mother' ->> 'idNumber' = @IdNumber
          ORDER BY grain_key LIMIT @Limit
          """
        : """
          SELECT grain_key FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND json_extract(payload, '$.record.demographics.mother.idNumber') = @IdNumber
          ORDER BY grain_key LIMIT @Limit
          """;

    public static string ByDemographics(DatabaseKind kind) => kind == DatabaseKind.PostgreSql
        ? """
          SELECT grain_key FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND payload -> 'record' -> 'demographics' ->> 'name' = @Name
            AND payload -> 'record' -> 'demographics' ->> 'birthDate' = @BirthDate
            AND (payload -> 'record' -> 'demographics' ->> 'sex')::int = @Sex
          ORDER BY grain_key LIMIT @Limit
          """
        : """
          SELECT grain_key FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND json_extract(payload, '$.record.demographics.name') = @Name
            AND json_extract(payload, '$.record.demographics.birthDate') = @BirthDate
            AND json_extract(payload, '$.record.demographics.sex') = @Sex
          ORDER BY grain_key LIMIT @Limit
          """;
}
