using System.Data.Common;
using Npgsql;

namespace Exchange.Silo.Grains;

/// <summary>
/// Recognises the database error raised by the identifier index trigger (060-person-state-triggers.sql on PostgreSQL,
/// 050-identifier-index.sql on SQLite) when a new record's identifier already belongs to another record.
/// </summary>
internal static class IdentifierIndexConflict
{
    /// <summary>The start of the SQLite trigger's message.</summary>
    public const string Marker = "exchange.identifier-taken";

    /// <summary>
    /// True for the SQLite trigger's error, and for PostgreSQL's primary-key violation on grain_state: the PostgreSQL
    /// trigger inserts the claims plainly, and the person row itself is inserted with ON CONFLICT DO NOTHING, so within
    /// a new record's first write only a claimed identifier's row can violate that key.
    /// </summary>
    public static bool IsCause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "grain_state_pk" }
                || (current is DbException && current.Message.Contains(Marker, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
