using Exchange.Silo.Audit;
using Grpc.Core;

namespace Exchange.Hub.Audit;

/// <summary>Names and kinds of the gRPC exchanges, and how a gRPC status reads as an outcome.</summary>
internal static class ExchangeOperations
{
    public const string Grpc = "grpc";
    public const string BulkUploadItem = "ClinicRecords/BulkUploadItem";

    /// <summary>FHIR forecast exchanges (logged by <see cref="HttpExchangeLog"/>): reads of one child's schedule.</summary>
    public const string FhirRecommendationSearch = "ImmunizationRecommendation/search";
    public const string FhirImmdsForecast = "$immds-forecast";
    public const string FhirPatientImmdsForecast = "Patient/$immds-forecast";

    private static readonly Dictionary<string, ExchangeKind> Kinds = new(StringComparer.Ordinal)
    {
        ["ClinicRecords/RegisterChild"] = ExchangeKind.Write,
        ["ClinicRecords/RecordVaccinations"] = ExchangeKind.Write,
        ["ClinicRecords/BulkUpload"] = ExchangeKind.Write,
        [BulkUploadItem] = ExchangeKind.Write,
        ["ClinicRecords/GetRecord"] = ExchangeKind.Read,
        ["ClinicRecords/GetForecast"] = ExchangeKind.Read,
        ["ClinicRecords/FindChildren"] = ExchangeKind.Search,
        ["ClinicRecords/TransferChild"] = ExchangeKind.Transfer,
        ["PublicLookup/ByCertificate"] = ExchangeKind.Lookup,
        ["PublicLookup/ByMother"] = ExchangeKind.Lookup,
        ["ScheduleReports/ListDue"] = ExchangeKind.Report,
        ["ScheduleReports/GetCoverage"] = ExchangeKind.Report,
        ["ScheduleReports/ExportCoverageCsv"] = ExchangeKind.Report,
        [FhirRecommendationSearch] = ExchangeKind.Read,
        [FhirImmdsForecast] = ExchangeKind.Read,
        [FhirPatientImmdsForecast] = ExchangeKind.Read,
    };

    private static readonly string[] AdministrationServices = ["AccessAdministration/", "CodeMaps/", "Quarantine/"];

    /// <summary>Health probes and reflection are infrastructure, not exchanges.</summary>
    public static bool IsAudited(string method) =>
        !method.StartsWith("/grpc.health.", StringComparison.Ordinal) && !method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    /// <summary>"/exchange.v1.ClinicRecords/GetRecord" becomes "ClinicRecords/GetRecord".</summary>
    public static string Name(string method)
    {
        var slash = method.LastIndexOf('/');
        var service = slash > 0 ? method[1..slash] : method.TrimStart('/');
        var dot = service.LastIndexOf('.');
        return slash > 0 ? $"{service[(dot + 1)..]}/{method[(slash + 1)..]}" : service;
    }

    public static ExchangeKind KindOf(string operation) =>
        Kinds.TryGetValue(operation, out var kind) ? kind
        : operation.StartsWith("ExchangeAudit/", StringComparison.Ordinal) ? ExchangeKind.Audit
        : AdministrationServices.Any(service => operation.StartsWith(service, StringComparison.Ordinal)) ? ExchangeKind.Administration
        : ExchangeKind.Other;

    public static ExchangeOutcome OutcomeOf(StatusCode status) => status switch
    {
        StatusCode.OK => ExchangeOutcome.Succeeded,
        StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.FailedPrecondition
            or StatusCode.OutOfRange or StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.ResourceExhausted
            => ExchangeOutcome.Rejected,
        _ => ExchangeOutcome.Failed,
    };

    /// <summary>The gRPC status as the protocol names it: InvalidArgument becomes "INVALID_ARGUMENT".</summary>
    public static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(status.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : char.ToUpperInvariant(c).ToString())),
    };
}
