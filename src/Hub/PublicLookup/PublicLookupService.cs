using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Adapters.Reports;
using Exchange.Adapters.Validation.Formats;
using Exchange.Hub.Access;
using Exchange.Hub.Audit;
using Exchange.Hub.Callers;
using Exchange.Hub.Errors;
using Exchange.Silo.Registry;
using Exchange.Silo.Search;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using V1 = Exchange.Protos.V1;

namespace Exchange.Hub.PublicLookup;

/// <summary>
/// The public lookup for parents, called by the public portal. Rate-limited per end user and per looked-up key; a
/// miss and a birth-date mismatch get the same NOT_FOUND, so a call never tells whether a child exists.
/// </summary>
[Authorize(Policy = AccessPolicies.PublicLookup)]
internal sealed partial class PublicLookupService(
    PersonDirectory directory, IPersonSearch search, LookupRateLimiter limiter, ICallerResolver callers, ILogger<PublicLookupService> logger)
    : V1.PublicLookup.PublicLookupBase
{
    /// <summary>Header in which the portal names its end user (a session id or the user's IP address).</summary>
    public const string EndUserHeader = "x-exchange-end-user";

    private const int MaxEndUserLength = 200;
    private const int MaxChildrenPerMother = 20;
    private const string NoMatch = "no record matches these details";

    public override async Task<V1.PublicLookupResponse> ByCertificate(V1.ByCertificateRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        Limit(await limiter.TryAcquireClientAsync(ClientKey(caller, context)), "lookups from this user");
        var issues = new IssueCollector();
        var identifier = IdentifierNormalizer.NormalizeOne(
            new ReportedIdentifier(IdentifierKind.VaccinationCertificate, request.CertificateNumber), "certificate", issues);
        if (identifier is null)
        {
            throw RpcErrors.Invalid("certificate_number", issues.Issues[0].Message);
        }

        Limit(await limiter.TryAcquireKeyAsync($"certificate:{identifier.Value}"), "lookups of this certificate number");
        var hubId = await directory.ResolveAsync(identifier);
        var record = hubId is null ? null : await directory.GetRecordAsync(hubId);
        return Answer(caller, context, "certificate", record is null ? [] : [record]);
    }

    public override async Task<V1.PublicLookupResponse> ByMother(V1.ByMotherRequest request, ServerCallContext context)
    {
        var caller = callers.Resolve(context);
        Limit(await limiter.TryAcquireClientAsync(ClientKey(caller, context)), "lookups from this user");
        var idNumber = TextCleaner.CleanCode(request.MotherIdNumber) ?? string.Empty;
        var issues = new IssueCollector();
        issues.Check("mother_id_number", ResidentIdNumber.Check(idNumber));
        if (!CanonicalDates.TryParseDate(TextCleaner.Clean(request.BirthDate), out var birthDate))
        {
            issues.Invalid("birth_date", $"the child's birth date is required, in the form {CanonicalDates.DateFormat}");
        }

        if (issues.HasIssues)
        {
            throw RpcErrors.FromIssues(issues.Issues);
        }

        // Counted per mother's ID number, not per (ID, date): trying birth dates one by one spends the same budget.
        Limit(await limiter.TryAcquireKeyAsync($"mother:{idNumber}"), "lookups of this ID number");
        var hubIds = await search.ByMotherIdNumberAsync(idNumber, MaxChildrenPerMother, context.CancellationToken);
        var records = await Task.WhenAll(hubIds.Select(hubId => directory.GetRecordAsync(hubId)));
        var children = records.OfType<PersonRecord>().ToArray();

        // The mother's children were read to answer, matched or not: a wrong birth date is a probe aimed at them,
        // and an auditor looking at a child should see it (hub ids only; the answer itself stays NOT_FOUND).
        context.Exchange().Returned(children, 0);
        return Answer(caller, context, "mother", [.. children.Where(record => record.Demographics.BirthDate == birthDate)]);
    }

    private V1.PublicLookupResponse Answer(Caller caller, ServerCallContext context, string kind, PersonRecord[] matches)
    {
        Log.Lookup(logger, caller.SystemId, kind, matches.Length);
        context.Exchange().Returned(matches, matches.Length);
        if (matches.Length == 0)
        {
            throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, NoMatch));
        }

        var response = new V1.PublicLookupResponse();
        response.Children.AddRange(matches.Select(record => record.ToPublic()));
        return response;
    }

    private static void Limit(TimeSpan? retryAfter, string what)
    {
        if (retryAfter is not { } delay)
        {
            return;
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"too many {what}; try again later",
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }) },
        };
        throw status.ToRpcException();
    }

    /// <summary>The portal and its end user: the forwarded end-user header, or else the connection's remote address.</summary>
    private static string ClientKey(Caller caller, ServerCallContext context)
    {
        var endUser = context.RequestHeaders.GetValue(EndUserHeader)?.Trim();
        if (string.IsNullOrEmpty(endUser))
        {
            endUser = context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? context.Peer;
        }
        else if (endUser.Length > MaxEndUserLength)
        {
            throw RpcErrors.Invalid(EndUserHeader, $"at most {MaxEndUserLength} characters");
        }

        return $"{caller.SystemId}\n{endUser}";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 320, Level = LogLevel.Information, Message = "Public lookup by {Kind} from {System}: {Matches} match(es)")]
        public static partial void Lookup(ILogger logger, string system, string kind, int matches);
    }
}
