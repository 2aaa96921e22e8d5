using Exchange.Adapters.Model;

namespace Exchange.Silo.Rules;

/// <summary>How a registration creates a record, or joins the record of a person already known.</summary>
public static class RegistrationRules
{
    public static PersonRecord Create(string hubId, PersonRegistration registration, DateTimeOffset now) => new(
        hubId,
        registration.Identifiers,
        registration.Demographics,
        RegisterStatus.Local,
        [],
        [],
        now,
        now);

    /// <summary>
    /// A known person registered again (often by another system): new identifiers are added, and facts the record
    /// lacks are filled in. Facts already on record are kept: a second system does not silently overwrite the first.
    /// </summary>
    public static PersonRecord Merge(PersonRecord record, PersonRegistration registration)
    {
        var identifiers = record.Identifiers.ToList();
        foreach (var identifier in registration.Identifiers)
        {
            if (!identifiers.Contains(identifier))
            {
                identifiers.Add(identifier);
            }
        }

        var known = record.Demographics;
        var offered = registration.Demographics;
        var demographics = known with
        {
            BirthTime = known.BirthTime ?? offered.BirthTime,
            BirthWeightGrams = known.BirthWeightGrams ?? offered.BirthWeightGrams,
            Mother = known.Mother ?? offered.Mother,
            Guardian = known.Guardian ?? offered.Guardian,
            HouseholdRegion = known.HouseholdRegion ?? offered.HouseholdRegion,
        };
        return record with { Identifiers = identifiers, Demographics = demographics };
    }

    public static bool Changes(PersonRecord before, PersonRecord after) =>
        before.Identifiers.Count != after.Identifiers.Count || before.Demographics != after.Demographics;
}
