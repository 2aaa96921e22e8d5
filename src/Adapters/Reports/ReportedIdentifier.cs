using Exchange.Adapters.Model;

namespace Exchange.Adapters.Reports;

/// <summary>An identifier as a source sent it; Kind is null when the source did not say.</summary>
public sealed record ReportedIdentifier(IdentifierKind? Kind, string? Value);
