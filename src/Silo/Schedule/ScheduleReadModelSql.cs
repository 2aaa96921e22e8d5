using Exchange.Silo.Storage;

namespace Exchange.Silo.Schedule;

/// <summary>The read-model SQL of each database (tables from 040-schedule-read-model.sql).</summary>
internal static class ScheduleReadModelSql
{
    // Register statuses no longer managed here (facts §4.4): moved out, temporarily away, dead, deleted, vaccinated elsewhere.
    private const string InRegister = "register_status NOT IN (2, 3, 4, 5, 8)";

    /// <summary>One page of a due list; <c>@Area</c> is matched against the unit or county column.</summary>
    public static string DueList(DatabaseKind kind, AreaLevel level, bool includeOutstanding)
    {
        var column = level == AreaLevel.Unit ? "d.managing_unit" : "d.county";
        var demographics = kind == DatabaseKind.PostgreSql
            ? """
              g.payload -> 'record' -> 'demographics' ->> 'name',
              g.payload -> 'record' -> 'demographics' ->> 'birthDate',
              coalesce(g.payload -> 'record' -> 'demographics' -> 'guardian' ->> 'phone',
                       g.payload -> 'record' -> 'demographics' -> 'mother' ->> 'phone')
              """
            : """
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
    /// Each child's dose facts are one JSON array (schedule_coverage.doses, <see cref="StoredDose"/> names).
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
        var (facts, isTimely, isFromSeven) = kind == DatabaseKind.PostgreSql
            ? ("""
               d.s AS series, d.n AS dose, d.f AS eligible_from, d.g AS given,
               coalesce(d.t, false) AS timely, coalesce(d.c, false) AS from_seven
               FROM schedule_coverage p
               CROSS JOIN LATERAL jsonb_to_recordset(p.doses) AS d(s text, n integer, f date, g date, t boolean, c boolean)
               """, "timely", "from_seven")
            : ("""
               json_extract(d.value, '$.s') AS series, json_extract(d.value, '$.n') AS dose,
               json_extract(d.value, '$.f') AS eligible_from, json_extract(d.value, '$.g') AS given,
               coalesce(json_extract(d.value, '$.t'), 0) AS timely, coalesce(json_extract(d.value, '$.c'), 0) AS from_seven
               FROM schedule_coverage p, json_each(p.doses) AS d
               """, "timely = 1", "from_seven = 1");
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
                   sum(CASE WHEN given >= @MonthStart AND given < @NextMonth AND {isTimely} THEN 1 ELSE 0 END) AS timely_vaccinated
            FROM facts
            WHERE (register_status <> 9 AND eligible_from >= @WindowStart AND eligible_from < @NextMonth
                   AND (given IS NULL OR given >= @MonthStart))
               OR (given >= @MonthStart AND given < @NextMonth AND ({isFromSeven} OR register_status = 9))
            GROUP BY {area}, residence, series, dose
            """;
    }
}
