using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Mapping;

/// <summary>One name string from a HumanName: its text, or family and given names in the order the script uses.</summary>
internal static class PatientNames
{
    public static string? Read(Patient patient)
    {
        var name = patient.Name.FirstOrDefault(candidate => candidate.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        return name?.Text ?? Join(name);
    }

    /// <summary>Chinese names are written family name first without a space (张三); Latin names given name first.</summary>
    public static string? Join(HumanName? name)
    {
        if (name is null)
        {
            return null;
        }

        var family = name.Family ?? string.Empty;
        var given = string.Join(' ', name.Given);
        if (IsCjk(family) || IsCjk(given))
        {
            return family + given.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        var joined = $"{given} {family}".Trim();
        return joined.Length == 0 ? null : joined;
    }

    private static bool IsCjk(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf');
}
