using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Grains;
using Exchange.Silo.Records;

namespace Exchange.Silo.Registry;

/// <summary>
/// Finds the one record a set of identifiers belongs to, through the identifier index grains, and creates it when
/// none exists. Claims are atomic per identifier; when concurrent registrations of the same child split its
/// identifiers between hub ids, the next attempt moves them to one, so they settle on one hub id.
/// With a <see cref="StoredIdentifierIndex"/> (grain storage in a database with the identifier index trigger), a child
/// none of whose identifiers is known is created in one write that also enters its identifiers in the index, and
/// identifiers are resolved from the stored index without activating their grains.
/// </summary>
public sealed class PersonDirectory(IGrainFactory grains, StoredIdentifierIndex? storedIndex = null)
{
    private const int Attempts = 8;

    private readonly KeyedGrains<IPersonGrain> _persons = new(grains);
    private readonly KeyedGrains<IIdentifierGrain> _identifiers = new(grains);

    // About 40 MB at most: a day's registrations of a large city, looked up again by the clinics that made them.
    private readonly RecentOwners _recentOwners = new(generationSize: 100_000);
    private readonly KnownChildRate _knownChildren = new();

    public async Task<PersonWriteOutcome> RegisterAsync(RegisterPersonCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await TryCreateWithIdentifiersAsync(command) is { } created)
        {
            return Remembered(command, created);
        }

        for (var attempt = 1; ; attempt++)
        {
            var outcome = await TryRegisterAsync(command);
            if (outcome is not null)
            {
                return Remembered(command, outcome);
            }

            if (attempt == Attempts)
            {
                return PersonWriteOutcome.Failed(string.Empty, IdentifiersOfDifferentPeople());
            }

            // A concurrent registration of the same child may be moving its claims over; look again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt));
        }
    }

    /// <summary>
    /// Creates the record in one write when none of its identifiers is known; null when some are (or when, meanwhile,
    /// a concurrent registration took one: the write then stored nothing), so that the claims decide. Asks the stored
    /// index first only while recent registrations were often of known children (<see cref="KnownChildRate"/>).
    /// </summary>
    private async Task<PersonWriteOutcome?> TryCreateWithIdentifiersAsync(RegisterPersonCommand command)
    {
        var keys = IndexKeys.Of(command.Registration);
        if (storedIndex is null || keys.Length == 0)
        {
            return null;
        }

        if (keys.Any(key => _recentOwners.Find(key) is not null)
            || (_knownChildren.WorthAskingFirst && await storedIndex.AnyKnownAsync(keys)))
        {
            _knownChildren.Observe(childWasKnown: true);
            return null;
        }

        var outcome = await Person(NewHubId()).CreateClaimingIdentifiersAsync(command);
        _knownChildren.Observe(outcome.IsIdentifierTaken);
        return outcome.IsIdentifierTaken ? null : outcome;
    }

    /// <summary>Registers, or returns null when a concurrent registration got in the way and it should look again.</summary>
    private async Task<PersonWriteOutcome?> TryRegisterAsync(RegisterPersonCommand command)
    {
        var identifiers = command.Registration.Identifiers.ToArray();
        var candidate = NewHubId();

        // A claim answers the owner either way, so one call per identifier both settles a new child (every
        // identifier claimed for the candidate) and finds a known one (every identifier already owned).
        var owners = await Task.WhenAll(identifiers.Select(identifier => Index(identifier).ClaimAsync(candidate)));
        var known = owners.Distinct(StringComparer.Ordinal).ToArray();
        var (hubId, conflict) = known.Length == 1 ? (known[0], false) : await ConsolidateAsync(identifiers, owners, known);
        if (conflict)
        {
            return PersonWriteOutcome.Failed(string.Empty, IdentifiersOfDifferentPeople());
        }

        if (hubId is null)
        {
            return null;
        }

        var outcome = await Person(hubId).RegisterAsync(command, hubIdIsNew: known.Length == 1 && hubId == candidate);
        return outcome.IsSuperseded ? null : outcome;
    }

    /// <summary>
    /// The identifiers point at several hub ids. If at most one of them has a record, the others are leftovers of
    /// concurrent registrations of this same child: they are retired and their identifiers moved to the survivor.
    /// Two records mean two people (a genuine conflict). A null hub id means "look again".
    /// </summary>
    private async Task<(string? HubId, bool Conflict)> ConsolidateAsync(PersonIdentifier[] identifiers, string[] owners, string[] known)
    {
        var records = await Task.WhenAll(known.Select(hubId => Person(hubId).GetAsync()));
        var withRecord = known.Where((_, i) => records[i] is not null).ToArray();
        if (withRecord.Length > 1)
        {
            return (null, true);
        }

        var survivor = withRecord.FirstOrDefault() ?? known.Min(StringComparer.Ordinal)!;
        foreach (var loser in known.Where(hubId => hubId != survivor))
        {
            if (!await Person(loser).RetireIfEmptyAsync())
            {
                return (null, false);
            }

            for (var i = 0; i < identifiers.Length; i++)
            {
                if (owners[i] == loser && await Index(identifiers[i]).ReassignAsync(loser, survivor) != survivor)
                {
                    return (null, false);
                }
            }
        }

        return (survivor, false);
    }

    /// <summary>
    /// Updates the existing record <paramref name="hubId"/> with a registration (FHIR update): the identifiers it
    /// names are claimed for this record first; one that already belongs to another record is a conflict, and
    /// nothing changes. Not found when no record has this hub id.
    /// </summary>
    public async Task<PersonWriteOutcome> UpdateAsync(string hubId, RegisterPersonCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await Person(hubId).GetAsync() is null)
        {
            return PersonWriteOutcome.Failed(hubId, new Issue(IssueCode.NotFound, "child", "no child has this hub id"));
        }

        var owners = await Task.WhenAll(command.Registration.Identifiers.Select(identifier => Index(identifier).ClaimAsync(hubId)));
        if (owners.Any(owner => owner != hubId))
        {
            return PersonWriteOutcome.Failed(hubId, IdentifiersOfDifferentPeople());
        }

        return await Person(hubId).RegisterAsync(command, hubIdIsNew: false);
    }

    /// <summary>The hub id an identifier belongs to, or null when it is unknown.</summary>
    public Task<string?> ResolveAsync(PersonIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Kind == IdentifierKind.HubId)
        {
            return Task.FromResult<string?>(identifier.Value);
        }

        var key = identifier.Key;
        return _recentOwners.Find(key) is { } known ? Task.FromResult<string?>(known)
            : storedIndex is not null ? storedIndex.OwnerAsync(key)
            : Index(identifier).GetHubIdAsync();
    }

    /// <summary>The record with this hub id, or null; its identifiers are remembered as its own for later lookups.</summary>
    public async Task<PersonRecord?> GetRecordAsync(string hubId)
    {
        var record = await Person(hubId).GetAsync();
        if (record is not null)
        {
            RememberOwner(record.Identifiers, record.HubId);
        }

        return record;
    }

    public IPersonGrain Person(string hubId) => _persons.Get(hubId);

    /// <summary>After a successful registration every identifier it named belongs to the record it wrote.</summary>
    private PersonWriteOutcome Remembered(RegisterPersonCommand command, PersonWriteOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            RememberOwner(command.Registration.Identifiers, outcome.HubId);
        }

        return outcome;
    }

    private void RememberOwner(IEnumerable<PersonIdentifier> identifiers, string hubId)
    {
        foreach (var identifier in identifiers)
        {
            _recentOwners.Remember(identifier.Key, hubId);
        }
    }

    private IIdentifierGrain Index(PersonIdentifier identifier) => _identifiers.Get(identifier.Key);

    private static string NewHubId() => Guid.CreateVersion7().ToString("N");

    private static Issue IdentifiersOfDifferentPeople() => new(
        IssueCode.Conflict,
        "child.identifiers",
        "these identifiers already belong to different children; correct the identifiers or have the records merged");
}
