using System.Data.Common;

namespace Exchange.Silo.Grains;

/// <summary>
/// Recognises the database error raised by the identifier index trigger (060-person-state-triggers.sql on PostgreSQL,
/// 050-identifier-index.sql on SQLite) when a new record's identifier already belongs to another record.
/// </summary>
internal static class IdentifierIndexConflict
{
    /// <summary>The start of the trigger's message, the same on both databases.</summary>
    public const string Marker = "exchange.identifier-taken";

    public static bool IsCause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException && current.Message.Contains(Marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
