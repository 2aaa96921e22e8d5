namespace Exchange.Hub.Fhir.VaccineCodes;

/// <summary>A vaccine in the hub's canonical coding: the national code, and the reported CVX when it says more.</summary>
internal sealed record VaccineCoding(string NationalCode, string? ReportedCvx);

/// <summary>A code as a source sent it: its system URI and the code.</summary>
internal sealed record SourceCode(string? System, string? Code);
