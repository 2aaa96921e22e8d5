using Exchange.Adapters.Model;
using Exchange.Hub.Callers;
using Exchange.Silo.Audit;
using Grpc.Core;

namespace Exchange.Hub.Audit;

/// <summary>
/// What a handler knows about its exchange that the audit interceptor cannot see: the persons touched, the client
/// message id and item counts. One per call, kept in <see cref="ServerCallContext.UserState"/>; handlers fill it with
/// <c>context.Exchange().Touched(...)</c>. Safe to call from concurrent tasks of one call.
/// </summary>
internal sealed class ExchangeCall
{
    private const string Key = "exchange.audit.call";
    private readonly Lock _lock = new();
    private readonly List<TouchedPerson> _persons = [];
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private string _clientMessageId = string.Empty;
    private ItemCounts _counts = ItemCounts.None;

    /// <summary>Who called; anonymous until the interceptor (or an HTTP handler, through <see cref="From"/>) names the caller.</summary>
    public ExchangeCaller Caller { get; private set; } = ExchangeCaller.Anonymous;

    /// <summary>The call's record on an HTTP exchange (FHIR): created by <see cref="HttpExchangeLog"/>'s filter.</summary>
    public static ExchangeCall Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<ExchangeCall>() is { } call)
        {
            return call;
        }

        call = new ExchangeCall();
        context.Features.Set(call);
        return call;
    }

    /// <summary>Names the caller once an HTTP handler has authenticated it.</summary>
    public ExchangeCall From(Caller caller)
    {
        Caller = Describe(caller);
        return this;
    }

    public static ExchangeCall Begin(ServerCallContext context, Caller? caller)
    {
        var call = new ExchangeCall { Caller = Describe(caller) };
        context.UserState[Key] = call;

        // Also on the HTTP request, which tells the refusal log that this exchange reached the interceptor.
        context.GetHttpContext().Features.Set(call);
        return call;
    }

    /// <summary>The call's record, or a detached one when the call is not audited (nothing reads it then).</summary>
    public static ExchangeCall Of(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var value) && value is ExchangeCall call ? call : new ExchangeCall();

    public static ExchangeCaller Describe(Caller? caller) => caller is null
        ? ExchangeCaller.Anonymous
        : new ExchangeCaller(caller.SystemId, caller.UnitCode ?? string.Empty, caller.RegionCode ?? string.Empty);

    /// <summary>The exchange touched this person; a later call with a known region fills in the region.</summary>
    public ExchangeCall Touched(string hubId, string? region = null)
    {
        if (string.IsNullOrEmpty(hubId))
        {
            return this;
        }

        lock (_lock)
        {
            if (!_indexOf.TryGetValue(hubId, out var index))
            {
                _indexOf[hubId] = _persons.Count;
                _persons.Add(new TouchedPerson(hubId, region ?? string.Empty));
            }
            else if (!string.IsNullOrEmpty(region))
            {
                _persons[index] = new TouchedPerson(hubId, region);
            }
        }

        return this;
    }

    /// <summary>
    /// A read or search answered with these records: each is touched (hub id and residence region, never anything
    /// that identifies the child otherwise), and <paramref name="items"/> counts what was returned (records, or
    /// resources of a FHIR Bundle).
    /// </summary>
    public ExchangeCall Returned(IEnumerable<PersonRecord> records, int items)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            Touched(record.HubId, record.Demographics.ResidenceRegion);
        }

        return Counted(items);
    }

    public ExchangeCall Message(string? clientMessageId)
    {
        _clientMessageId = clientMessageId?.Trim() ?? string.Empty;
        return this;
    }

    public ExchangeCall Counted(int items, int accepted = 0, int rejected = 0)
    {
        _counts = new ItemCounts(items, accepted, rejected);
        return this;
    }

    public (IReadOnlyList<TouchedPerson> Persons, string ClientMessageId, ItemCounts Counts) Snapshot()
    {
        lock (_lock)
        {
            return ([.. _persons], _clientMessageId, _counts);
        }
    }
}

/// <summary>Handlers' access to their call's <see cref="ExchangeCall"/>.</summary>
internal static class ExchangeCallExtensions
{
    public static ExchangeCall Exchange(this ServerCallContext context) => ExchangeCall.Of(context);

    public static ExchangeCall Exchange(this HttpContext context) => ExchangeCall.Of(context);
}
