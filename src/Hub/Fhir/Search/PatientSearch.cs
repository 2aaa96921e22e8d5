using Exchange.Adapters.Model;
using Exchange.Adapters.Normalization;
using Exchange.Hub.Fhir.Errors;
using Exchange.Hub.Fhir.Mapping;
using Exchange.Silo.Registry;
using Exchange.Silo.Search;

namespace Exchange.Hub.Fhir.Search;

/// <summary>
/// Patient search: identifier, mother-identifier, _id, name (starts with), birthdate and gender. Candidates come from
/// the most selective parameter; every record returned matches every parameter given.
/// </summary>
internal sealed class PatientSearch(PersonDirectory directory, IPersonSearch search)
{
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "_id", "identifier", "mother-identifier", "name", "birthdate", "gender",
    };

    public async Task<(IReadOnlyList<PersonRecord>? Records, FhirError? Error)> RunAsync(SearchParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Unsupported(Supported) is { } unsupported)
        {
            return (null, unsupported);
        }

        var (count, countError) = parameters.Count();
        var (criteria, error) = Criteria(parameters);
        if (countError is not null || error is not null)
        {
            return (null, countError ?? error);
        }

        var candidates = await CandidatesAsync(parameters, criteria!, count, cancellationToken);
        if (candidates is null)
        {
            return (null, FhirError.Invalid("Patient", "search by at least one of identifier, mother-identifier, _id, name, birthdate, gender"));
        }

        var records = await Task.WhenAll(candidates.Distinct().Select(hubId => directory.GetRecordAsync(hubId)));
        return ([.. records.OfType<PersonRecord>().Where(record => Matches(record, parameters, criteria!)).Take(count)], null);
    }

    private async Task<IReadOnlyList<string>?> CandidatesAsync(SearchParameters parameters, PersonQuery criteria, int count, CancellationToken cancellationToken)
    {
        if (parameters.Single("_id") is { } id)
        {
            return [id];
        }

        if (parameters.Single("identifier") is { } identifier)
        {
            var (system, value) = SearchParameters.Token(identifier);
            return Identifier(system, value) is { } known && await directory.ResolveAsync(known) is { } hubId ? [hubId] : [];
        }

        if (parameters.Single("mother-identifier") is { } mother)
        {
            return await search.ByMotherIdNumberAsync(SearchParameters.Token(mother).Code.Trim().ToUpperInvariant(), count, cancellationToken);
        }

        return criteria.IsEmpty ? null : await search.FindAsync(criteria, count, cancellationToken);
    }

    private static (PersonQuery? Criteria, FhirError? Error) Criteria(SearchParameters parameters)
    {
        DateOnly? birthDate = null;
        if (parameters.Single("birthdate") is { } birth)
        {
            var text = birth.StartsWith("eq", StringComparison.Ordinal) ? birth[2..] : birth;
            if (!CanonicalDates.TryParseDate(text, out var date))
            {
                return (null, FhirError.Invalid("birthdate", $"'{birth}' is not a birth date (yyyy-MM-dd; only equality is supported)"));
            }

            birthDate = date;
        }

        Sex? sex = null;
        if (parameters.Single("gender") is { } gender)
        {
            sex = gender switch
            {
                "male" => Sex.Male,
                "female" => Sex.Female,
                "other" => Sex.NotStated,
                "unknown" => Sex.NotKnown,
                _ => null,
            };
            if (sex is null)
            {
                return (null, FhirError.Invalid("gender", $"'{gender}' is not an administrative gender (male, female, other, unknown)"));
            }
        }

        var name = parameters.Single("name") is { } nameText ? TextCleaner.Clean(nameText) : null;
        return (new PersonQuery(name, birthDate, sex), null);
    }

    private static PersonIdentifier? Identifier(string? system, string value)
    {
        var cleaned = TextCleaner.CleanCode(value);
        if (cleaned is null)
        {
            return null;
        }

        if (system is null)
        {
            return null;
        }

        return PatientInput.KindOf(system) is { } kind ? new PersonIdentifier(kind, kind == IdentifierKind.HubId ? cleaned.ToLowerInvariant() : cleaned) : null;
    }

    private static bool Matches(PersonRecord record, SearchParameters parameters, PersonQuery criteria)
    {
        var demographics = record.Demographics;
        return (criteria.NamePrefix is null || demographics.Name.StartsWith(criteria.NamePrefix, StringComparison.Ordinal))
            && (criteria.BirthDate is null || demographics.BirthDate == criteria.BirthDate)
            && (criteria.Sex is null || demographics.Sex == criteria.Sex)
            && (parameters.Single("mother-identifier") is not { } mother
                || string.Equals(demographics.Mother?.IdNumber, SearchParameters.Token(mother).Code.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
