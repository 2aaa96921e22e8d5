namespace Exchange.Hub.Fhir.Errors;

/// <summary>FHIRPath expressions of offending elements, relative to a resource or placed inside a Bundle entry.</summary>
internal static class FhirPaths
{
    /// <summary>"Patient.birthDate" under "Bundle.entry[2].resource" is "Bundle.entry[2].resource.birthDate".</summary>
    public static string Under(string prefix, string? expression)
    {
        if (string.IsNullOrEmpty(expression))
        {
            return prefix;
        }

        var dot = expression.IndexOf('.', StringComparison.Ordinal);
        var isResourceRooted = expression.Length > 0 && char.IsUpper(expression[0]) && expression != "Bundle";
        if (!isResourceRooted)
        {
            return $"{prefix}.{expression}";
        }

        return dot < 0 ? prefix : $"{prefix}{expression[dot..]}";
    }
}
