using Exchange.Silo.Storage;

namespace Exchange.Silo.Schedule;

/// <summary>The read-model SQL of each database (tables from 040-schedule-read-model.sql).</summary>
internal static class ScheduleReadModelSql
{
    // Register statuses no longer managed here (facts §4.4): moved out, temporarily away, dead, deleted, vaccinated elsewhere.
    private const string InRegister = "register_status NOT IN (2, 3, 4, 5, 8)";

    /// <summary>One page of a due list of the unit or county <c>@Area</c>, after the page key <c>@After…</c>.</summary>
    public static string DueList(DatabaseKind kind, AreaLevel level, bool includeOutstanding) =>
        kind == DatabaseKind.PostgreSql ? PostgresDueList(level, includeOutstanding) : SqliteDueList(level, includeOutstanding);

    /// <summary>
    /// The SQL that empties both read-model tables (before a rebuild): PostgreSQL keeps a person's due doses in one row
    /// (schedule_due_person), SQLite a row per dose (schedule_due).
    /// </summary>
    public static string DeleteAll(DatabaseKind kind) => kind == DatabaseKind.PostgreSql
        ? "DELETE FROM schedule_due_person; DELETE FROM schedule_coverage;"
        : "DELETE FROM schedule_due; DELETE FROM schedule_coverage;";

    /// <summary>
    /// The unit's (or, over the range of its units, the county's) people with a dose recommended before the list's end
    /// and not yet past its latest date, their due arrays unpacked, then the page in the order of the per-dose rows
    /// SQLite keeps. Names and phones are read for the page's rows only.
    /// </summary>
    private static string PostgresDueList(AreaLevel level, bool includeOutstanding)
    {
        var area = level == AreaLevel.Unit
            ? "p.managing_unit = @Area"
            : "p.managing_unit >= @Area AND p.managing_unit < @Area || '~'";
        var startsInRange = includeOutstanding ? string.Empty : "AND i.r >= @From";
        return $"""
            SELECT d.hub_id, d.series, d.dose, d.vaccine, d.earliest, d.recommended, d.overdue, d.latest, d.managing_unit,
                   g.payload -> 'record' -> 'demographics' ->> 'name',
                   g.payload -> 'record' -> 'demographics' ->> 'birthDate',
                   coalesce(g.payload -> 'record' -> 'demographics' -> 'guardian' ->> 'phone',
                            g.payload -> 'record' -> 'demographics' -> 'mother' ->> 'phone')
            FROM (
                SELECT p.service_id, p.hub_id, p.managing_unit, p.grain_key, p.n0, p.n1, i.s COLLATE "C" AS series,
                       i.n AS dose, i.v AS vaccine, i.e AS earliest, i.r AS recommended, i.o AS overdue, i.l AS latest
                FROM schedule_due_person p
                CROSS JOIN LATERAL jsonb_to_recordset(p.due) AS i(s text, n integer, v text, e date, r date, o date, l date)
                WHERE p.service_id = @ServiceId AND {area}
                  AND p.first_due <= @To AND p.last_due > @From
                  AND p.{InRegister}
                  AND i.r <= @To AND i.l > @From {startsInRange}
                  AND (i.r, p.hub_id, i.s COLLATE "C", i.n) > (@AfterDate, @AfterHub, @AfterSeries, @AfterDose)
                ORDER BY i.r, p.hub_id, i.s COLLATE "C", i.n
                LIMIT @Limit
            ) d
            LEFT JOIN grain_state g
                   ON g.service_id = d.service_id AND g.state_name = 'person'
                  AND g.grain_key = d.grain_key AND g.n0 = d.n0 AND g.n1 = d.n1
            ORDER BY d.recommended, d.hub_id, d.series, d.dose
            """;
    }

    private static string SqliteDueList(AreaLevel level, bool includeOutstanding)
    {
        var column = level == AreaLevel.Unit ? "d.managing_unit" : "d.county";
        const string demographics = """
            json_extract(g.payload, '$.record.demographics.name'),
            json_extract(g.payload, '$.record.demographics.birthDate'),
            coalesce(json_extract(g.payload, '$.record.demographics.guardian.phone'),
                     json_extract(g.payload, '$.record.demographics.mother.phone'))
            """;
        var startsInRange = includeOutstanding ? string.Empty : "AND d.recommended >= @From";
        return $"""
            SELECT d.hub_id, d.series, d.dose, d.vaccine, d.earliest, d.recommended, d.overdue, d.latest, d.managing_unit,
                   {demographics}
            FROM schedule_due d
            LEFT JOIN grain_state g
                   ON g.service_id = d.service_id AND g.state_name = 'person'
                  AND g.grain_key = d.grain_key AND g.n0 = d.n0 AND g.n1 = d.n1
            WHERE d.service_id = @ServiceId AND {column} = @Area
              AND d.recommended <= @To AND d.latest > @From {startsInRange}
              AND d.{InRegister}
              AND (d.recommended, d.hub_id, d.series, d.dose) > (@AfterDate, @AfterHub, @AfterSeries, @AfterDose)
            ORDER BY d.recommended, d.hub_id, d.series, d.dose
            LIMIT @Limit
            """;
    }

    /// <summary>
    /// Coverage of one month (facts §5.1): a dose is eligible from the month the child reaches its age until the 12th
    /// month after, unless given before the report month; a dose given in the month at 7 years or older, or to a
    /// temporary child (status 9), counts as eligible and vaccinated. Vaccinated = eligible and given in the month.
    /// Each child's dose facts are one JSON array of strings (schedule_coverage.doses, <see cref="StoredDoseJsonConverter"/>).
    /// </summary>
    public static string Coverage(DatabaseKind kind, AreaLevel level)
    {
        var area = level switch
        {
            AreaLevel.Unit => "managing_unit",
            AreaLevel.County => "substr(managing_unit, 1, 6)",
            AreaLevel.City => "substr(managing_unit, 1, 4) || '00'",
            _ => "substr(managing_unit, 1, 2) || '0000'",
        };
        // Each fact is a string of fixed layout (StoredDoseJsonConverter): eligible from at 1-10, given (or dashes) at
        // 12-21, timely 't' at 23, from seven years 'c' at 24, then "<dose number> <series>" from 26.
        var facts = kind == DatabaseKind.PostgreSql
            ? """
               split_part(substr(d.v, 26), ' ', 2) AS series, split_part(substr(d.v, 26), ' ', 1)::integer AS dose,
               substr(d.v, 1, 10)::date AS eligible_from, nullif(substr(d.v, 12, 10), '----------')::date AS given,
               substr(d.v, 23, 1) = 't' AS timely, substr(d.v, 24, 1) = 'c' AS from_seven
               FROM schedule_coverage p
               CROSS JOIN LATERAL jsonb_array_elements_text(p.doses) AS d(v)
               """
            : """
               substr(d.value, 26 + instr(substr(d.value, 26), ' ')) AS series,
               CAST(substr(d.value, 26, instr(substr(d.value, 26), ' ') - 1) AS INTEGER) AS dose,
               substr(d.value, 1, 10) AS eligible_from, nullif(substr(d.value, 12, 10), '----------') AS given,
               substr(d.value, 23, 1) = 't' AS timely, substr(d.value, 24, 1) = 'c' AS from_seven
               FROM schedule_coverage p, json_each(p.doses) AS d
               """;
        return $"""
            WITH facts AS (
                SELECT p.managing_unit, p.residence, p.register_status,
                       {facts}
                WHERE p.service_id = @ServiceId AND p.managing_unit >= @Low AND p.managing_unit < @High
                  AND p.{InRegister}
            )
            SELECT {area} AS area, residence, series, dose,
                   count(*) AS eligible,
                   sum(CASE WHEN given >= @MonthStart AND given < @NextMonth THEN 1 ELSE 0 END) AS vaccinated,
                   sum(CASE WHEN given >= @MonthStart AND given < @NextMonth AND timely THEN 1 ELSE 0 END) AS timely_vaccinated
            FROM facts
            WHERE (register_status <> 9 AND eligible_from >= @WindowStart AND eligible_from < @NextMonth
                   AND (given IS NULL OR given >= @MonthStart))
               OR (given >= @MonthStart AND given < @NextMonth AND (from_seven OR register_status = 9))
            GROUP BY {area}, residence, series, dose
            """;
    }
}
