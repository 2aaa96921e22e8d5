using Exchange.Adapters.Model;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.VaccineCodes;
using Exchange.Silo.Registry;

namespace Exchange.Hub.Fhir.Search;

/// <summary>Immunization search within one patient's record: patient (required), date, vaccine-code, status, identifier.</summary>
internal sealed class ImmunizationSearch(PersonDirectory directory, VaccineCodeTranslator translator)
{
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "patient", "date", "vaccine-code", "status", "identifier",
    };

    /// <returns>The patient's record (null when no such patient: the search then matches nothing) and the matching events.</returns>
    public async Task<(PersonRecord? Record, IReadOnlyList<VaccinationEvent>? Events, FhirError? Error)> RunAsync(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Unsupported(Supported) is { } unsupported)
        {
            return (null, null, unsupported);
        }

        if (parameters.Single("patient") is not { Length: > 0 } patient)
        {
            return (null, null, FhirError.NotSupported(StatusCodes.Status400BadRequest, "patient", "an Immunization search names the patient (patient=Patient/{id}); searches across patients are not supported"));
        }

        var dates = new List<DateFilter>();
        foreach (var value in parameters.All("date"))
        {
            var (filter, error) = DateFilter.Parse(value ?? string.Empty, "date");
            if (error is not null)
            {
                return (null, null, error);
            }

            dates.Add(filter!);
        }

        var hubId = patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient["Patient/".Length..] : patient;
        var record = await directory.GetRecordAsync(hubId);
        if (record is null)
        {
            return (null, [], null);
        }

        var vaccine = parameters.Single("vaccine-code") is { } code ? VaccineMatcher(code) : null;
        var status = parameters.Single("status");
        var identifier = parameters.Single("identifier") is { } id ? SearchParameters.Token(id).Code : null;
        var events = record.Vaccinations.Where(vaccination =>
            dates.All(filter => filter.Matches(vaccination.Dose.Date))
            && (vaccine is null || vaccine(vaccination.Dose))
            && (status is null || status == (vaccination.IsValid ? "completed" : "entered-in-error"))
            && (identifier is null || vaccination.Sources.Any(source => source.SourceRecordId == identifier)));
        return (record, [.. events], null);
    }

    /// <summary>
    /// Whether a dose has the vaccine-code token: a national code matches the dose's national code, a CVX code the CVX
    /// the hub shows beside it (the reported CVX when kept, else the national code's mapping).
    /// </summary>
    private Func<Dose, bool> VaccineMatcher(string token)
    {
        var (system, code) = SearchParameters.Token(token);
        var cvx = system is null or FhirSystems.Cvx ? Adapters.CodeSystems.VaccineCodeSystem.NormalizeCvx(code) : null;
        var national = system is null or FhirSystems.NationalVaccineCode ? code : null;
        return dose => dose.VaccineCode == national || (cvx is not null && translator.CvxOf(dose) == cvx);
    }
}
