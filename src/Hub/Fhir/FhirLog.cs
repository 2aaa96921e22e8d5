namespace Exchange.Hub.Fhir;

/// <summary>FHIR endpoint log messages: hub ids and counts only, never personal data.</summary>
internal static partial class FhirLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "FHIR {Method} {Path} failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "FHIR {Kind} from {SourceSystem}: {Entries} entries")]
    public static partial void Written(ILogger logger, string kind, string sourceSystem, int entries);
}
