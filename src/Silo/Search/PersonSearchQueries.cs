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
            AND (payload -> 'record' -> 'demographics' ->> 'name') COLLATE "C" = @Name
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

    /// <summary>
    /// Any combination of name prefix, birth date and sex. The prefix is matched as a range on the name
    /// (name &gt;= prefix and name &lt; prefix + U+FFFF), which the name index serves on both databases.
    /// </summary>
    public static string Find(DatabaseKind kind, PersonQuery query)
    {
        var pg = kind == DatabaseKind.PostgreSql;
        string Path(string field) => pg ? $"payload -> 'record' -> 'demographics' ->> '{field}'" : $"json_extract(payload, '$.record.demographics.{field}')";
        var conditions = new List<string> { "state_name = 'person'", "service_id = @ServiceId" };
        if (query.NamePrefix is not null)
        {
            var name = pg ? $"({Path("name")}) COLLATE \"C\"" : Path("name");
            conditions.Add($"{name} >= @NameFrom AND {name} < @NameTo");
        }

        if (query.BirthDate is not null)
        {
            conditions.Add($"{Path("birthDate")} = @BirthDate");
        }

        if (query.Sex is not null)
        {
            conditions.Add(pg ? $"({Path("sex")})::int = @Sex" : $"{Path("sex")} = @Sex");
        }

        var hubId = pg ? "payload -> 'record' ->> 'hubId'" : "json_extract(payload, '$.record.hubId')";
        return $"SELECT {hubId} FROM grain_state WHERE {string.Join(" AND ", conditions)} ORDER BY 1 LIMIT @Limit";
    }
}
