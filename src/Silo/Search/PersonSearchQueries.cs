using Exchange.Silo.Storage;

namespace Exchange.Silo.Search;

/// <summary>
/// The search SQL of each database; each query matches an expression index of 030-person-search.sql. The hub id is
/// read from the record: Orleans stores Guid-shaped string keys as two integers, not as text.
/// </summary>
internal static class PersonSearchQueries
{
    public static string ByMotherIdNumber(DatabaseKind kind) => kind == DatabaseKind.PostgreSql
        ? """
          SELECT payload -> 'record' ->> 'hubId' FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND payload -> 'record' -> 'demographics' -> 'mother' ->> 'idNumber' = @IdNumber
          LIMIT @Limit
          """
        : """
          SELECT json_extract(payload, '$.record.hubId') FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND json_extract(payload, '$.record.demographics.mother.idNumber') = @IdNumber
          LIMIT @Limit
          """;

    public static string ByDemographics(DatabaseKind kind) => kind == DatabaseKind.PostgreSql
        ? """
          SELECT payload -> 'record' ->> 'hubId' FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND payload -> 'record' -> 'demographics' ->> 'name' = @Name
            AND payload -> 'record' -> 'demographics' ->> 'birthDate' = @BirthDate
            AND (payload -> 'record' -> 'demographics' ->> 'sex')::int = @Sex
          LIMIT @Limit
          """
        : """
          SELECT json_extract(payload, '$.record.hubId') FROM grain_state
          WHERE state_name = 'person' AND service_id = @ServiceId
            AND json_extract(payload, '$.record.demographics.name') = @Name
            AND json_extract(payload, '$.record.demographics.birthDate') = @BirthDate
            AND json_extract(payload, '$.record.demographics.sex') = @Sex
          LIMIT @Limit
          """;
}
