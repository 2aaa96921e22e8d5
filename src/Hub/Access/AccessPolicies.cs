using Exchange.Silo.Access;
using Microsoft.AspNetCore.Authorization;

namespace Exchange.Hub.Access;

/// <summary>
/// The authorization policies, one per group of roles, applied with <c>[Authorize(Policy = ...)]</c> on gRPC services
/// and <c>RequireAuthorization(...)</c> on HTTP endpoints. Any endpoint without a policy still requires an
/// authenticated caller (the fallback policy), so a new endpoint is closed until it is opened on purpose.
/// </summary>
internal static class AccessPolicies
{
    /// <summary>Writes to clinical records: clinics and hospitals.</summary>
    public const string ClinicalWrite = "ClinicalWrite";

    /// <summary>Reads of clinical records: clinics and hospitals.</summary>
    public const string ClinicalRead = "ClinicalRead";

    /// <summary>
    /// Schedule reports (due lists, coverage): clinics and hospitals for their own units, disease-control centres for
    /// their region; the area is checked per request by <see cref="Schedule.ReportScope"/>.
    /// </summary>
    public const string Reports = "Reports";

    /// <summary>The exchange log: auditors.</summary>
    public const string Audit = "Audit";

    /// <summary>The public lookup: the public portal.</summary>
    public const string PublicLookup = "PublicLookup";

    /// <summary>Systems, credentials and code maps: administrators.</summary>
    public const string Administration = "Administration";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, SystemRole[]> Roles { get; } = new Dictionary<string, SystemRole[]>(StringComparer.Ordinal)
    {
        [ClinicalWrite] = [SystemRole.Clinic, SystemRole.Hospital],
        [ClinicalRead] = [SystemRole.Clinic, SystemRole.Hospital],
        [Reports] = [SystemRole.Clinic, SystemRole.Hospital, SystemRole.DiseaseControl],
        [Audit] = [SystemRole.Auditor],
        [PublicLookup] = [SystemRole.PublicPortal],
        [Administration] = [SystemRole.Administrator],
    };

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder(ExchangeAuthentication.Scheme).RequireAuthenticatedUser().Build();
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(ExchangeAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(roles.Select(role => role.ToString())));
        }
    }
}
