using System.Diagnostics.CodeAnalysis;
using Exchange.Adapters.Model;
using Exchange.Silo.Grains;
using Exchange.Silo.Hosting;
using Exchange.Silo.Records;
using Exchange.Silo.Registry;
using Exchange.Testing.Synthetic;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;

namespace Exchange.Silo.Tests.Grains;

/// <summary>
/// One in-process silo with the production grains, in-memory grain storage under the production provider name and
/// the production JSON shapes (canonical model on the wire, <see cref="JsonGrainStateSerializer"/> for state).
/// Tests share it, so each takes fresh children from <see cref="NextChild"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    private readonly Lock _populationLock = new();
    private readonly SyntheticPopulation _population = new(seed: 20_250_630, AsOf);
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>A directory of its own: each keeps its own memory of recent owners, as each node does.</summary>
    public PersonDirectory NewDirectory() => new(Cluster.Client);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Records, options => options.GrainStorageSerializer = new JsonGrainStateSerializer());
            silo.Services.TryAddSingleton(TimeProvider.System);
            silo.Services.AddCanonicalModelSerialization();
        });
        builder.ConfigureClient(client => client.Services.AddCanonicalModelSerialization());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A child no other test has used: its identifiers are new to the cluster.</summary>
    public SyntheticChild NextChild()
    {
        lock (_populationLock)
        {
            return _population.NextChild();
        }
    }

    public static PersonIdentifier[] IdentifiersOf(SyntheticChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        PersonIdentifier[] identifiers =
        [
            new(IdentifierKind.ChildCode, child.ChildCode),
            new(IdentifierKind.BirthCertificate, child.BirthCertificateNumber),
        ];
        return child.ResidentIdNumber is { } id ? [.. identifiers, new(IdentifierKind.ResidentId, id)] : identifiers;
    }

    public static PersonRegistration RegistrationOf(SyntheticChild child, params PersonIdentifier[] identifiers)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(identifiers);
        var demographics = new Demographics(
            child.Name,
            child.IsMale ? Sex.Male : Sex.Female,
            child.BirthDate,
            child.BirthTime,
            child.BirthWeightGrams,
            new Contact(child.Mother.Name, child.Mother.IdNumber, child.Mother.Phone),
            null,
            child.HouseholdRegion,
            child.ResidenceRegion,
            child.ManagingUnit);
        return new PersonRegistration(identifiers.Length > 0 ? identifiers : IdentifiersOf(child), demographics);
    }

    public static DoseReport DoseOf(SyntheticDose dose, string? sourceRecordId = null)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return new DoseReport(
            new Dose(
                dose.VaccineCode, dose.DoseNumber, dose.Date, dose.LotNumber, dose.ExpiryDate, dose.ManufacturerCode,
                dose.TraceabilityCode, dose.AdministeringUnit, Route.Intramuscular, Site.LeftUpperArm, null, VaccinationKind.Routine),
            sourceRecordId);
    }

    public static RegisterPersonCommand Register(
        string sourceSystem, string messageId, PersonRegistration registration, params DoseReport[] doses) =>
        new(sourceSystem, messageId, registration, doses, DateTimeOffset.UtcNow);
}

[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xunit collection definition, named as in the Orleans testing docs.")]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Exchange cluster";
}
