using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Errors;
using Exchange.Silo.Schedule;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.Schedule;

/// <summary>Checks the fields of report requests and turns them into read-model queries; bad fields fail the call.</summary>
internal static class ScheduleReportRequests
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int MaxRangeDays = 366;
    private const int MaxMonths = 24;

    public static DueListQuery DueList(V1.ListDueRequest request)
    {
        var area = Area.Parse(TextCleaner.Clean(request.AreaCode));
        if (area is null || area.Level is not (AreaLevel.Unit or AreaLevel.County))
        {
            throw RpcErrors.Invalid("area_code", "a due list is for a 10-digit unit code or a 6-digit county code");
        }

        var from = Date(request.FromDate, "from_date");
        var to = Date(request.ToDate, "to_date");
        if (to < from || to.DayNumber - from.DayNumber > MaxRangeDays)
        {
            throw RpcErrors.Invalid("to_date", $"to_date must be on or after from_date and at most {MaxRangeDays} days later");
        }

        if (request.PageSize is < 0 or > MaxPageSize)
        {
            throw RpcErrors.Invalid("page_size", $"page_size is 1-{MaxPageSize} (0 for the default of {DefaultPageSize})");
        }

        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        return new DueListQuery(area, from, to, request.IncludeOverdue, size, PageToken(request.PageToken));
    }

    public static CoverageQuery Coverage(V1.GetCoverageRequest request)
    {
        var area = Area.Parse(TextCleaner.Clean(request.AreaCode))
            ?? throw RpcErrors.Invalid("area_code", "an area is a 10-digit unit code or a 6-digit county, city or province code");
        var first = Month(request.FromMonth, "from_month");
        var last = Month(request.ToMonth, "to_month");
        if (last < first || ((last.Year - first.Year) * 12) + last.Month - first.Month >= MaxMonths)
        {
            throw RpcErrors.Invalid("to_month", $"to_month must be on or after from_month, {MaxMonths} months at most");
        }

        var level = request.GroupBy == V1.AreaLevel.Unspecified ? area.Level : (AreaLevel)(int)request.GroupBy;
        if (!Enum.IsDefined(level) || level > area.Level)
        {
            throw RpcErrors.Invalid("group_by", "group_by must be a known level no coarser than the area itself");
        }

        if (!Enum.IsDefined(request.Residence))
        {
            throw RpcErrors.Invalid("residence", "unknown residence type");
        }

        return new CoverageQuery(area, level, first, last);
    }

    /// <summary>An opaque token naming the last entry of a page.</summary>
    public static string Token(DueListKey key)
    {
        var text = string.Join('|', CanonicalDates.Format(key.Recommended), key.HubId, key.Series, key.Dose.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    private static DueListKey? PageToken(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var parts = Base64Url.IsValid(token) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|') : [];
        if (parts.Length != 4
            || !CanonicalDates.TryParseDate(parts[0], out var date)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var dose))
        {
            throw RpcErrors.Invalid("page_token", "not a page token returned by ListDue");
        }

        return new DueListKey(date, parts[1], parts[2], dose);
    }

    private static DateOnly Date(string text, string field) =>
        CanonicalDates.TryParseDate(TextCleaner.Clean(text), out var date)
            ? date
            : throw RpcErrors.Invalid(field, $"'{text}' is not a date in the form {CanonicalDates.DateFormat}");

    private static DateOnly Month(string text, string field) =>
        DateOnly.TryParseExact(TextCleaner.Clean(text), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw RpcErrors.Invalid(field, $"'{text}' is not a month in the form yyyy-MM");
}
