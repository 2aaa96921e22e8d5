using Hl7.Fhir.Model;

namespace Exchange.Hub.Fhir.Writes;

/// <summary>
/// The Patient entries of a request, indexed by fullUrl, so an Immunization that references its Patient by urn:uuid (as
/// transactions do) finds it in one lookup: a Bundle of many children would otherwise cost entries × entries comparisons.
/// </summary>
internal sealed class LocalPatients
{
    private readonly List<WriteEntry> _patients;
    private readonly Dictionary<string, WriteEntry> _byFullUrl = new(StringComparer.Ordinal);

    public LocalPatients(IReadOnlyList<WriteEntry> entries)
    {
        _patients = [.. entries.Where(entry => entry.Resource is Patient && entry.FullUrl is not null)];
        foreach (var patient in _patients)
        {
            _byFullUrl.TryAdd(patient.FullUrl!, patient);
        }
    }

    /// <summary>The Patient entry a literal reference names: by fullUrl, or "Patient/x" against a fullUrl ending so.</summary>
    public WriteEntry? Find(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_patients.Count == 0)
        {
            return null;
        }

        // A urn:uuid/urn:oid reference can only be a fullUrl itself (no fullUrl ends in "/urn:..."): one lookup.
        if (reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            return _byFullUrl.GetValueOrDefault(reference);
        }

        var suffix = "/" + reference;
        return _patients.FirstOrDefault(patient => patient.FullUrl == reference || patient.FullUrl!.EndsWith(suffix, StringComparison.Ordinal));
    }
}
