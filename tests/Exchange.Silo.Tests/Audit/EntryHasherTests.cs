using System.Security.Cryptography;
using Exchange.Silo.Audit;

namespace Exchange.Silo.Tests.Audit;

public sealed class EntryHasherTests
{
    private static readonly ExchangeEntry Entry = TestEntries.Entry(3, new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(8)), TimeSpan.FromHours(1), 10);

    [Fact]
    public void Hash_SameEntryAndPredecessor_SameHash() =>
        Assert.Equal(EntryHasher.Hash(EntryHasher.Genesis, Entry), EntryHasher.Hash(EntryHasher.Genesis, Entry with { Persons = [.. Entry.Persons] }));

    [Fact]
    public void Hash_AnyFieldChanged_DifferentHash()
    {
        var original = EntryHasher.Hash(EntryHasher.Genesis, Entry);
        ExchangeEntry[] changed =
        [
            Entry with { RecordedAt = Entry.RecordedAt.AddTicks(10) },
            Entry with { Operation = "ClinicRecords/GetForecast" },
            Entry with { Caller = Entry.Caller with { Region = "420106" } },
            Entry with { Persons = [new TouchedPerson(Entry.Persons[0].HubId, "420111")] },
            Entry with { Persons = [] },
            Entry with { Outcome = ExchangeOutcome.Failed },
            Entry with { Counts = Entry.Counts with { Rejected = 7 } },
            Entry with { LatencyMs = Entry.LatencyMs + 1 },
        ];

        Assert.All(changed, entry => Assert.NotEqual(original, EntryHasher.Hash(EntryHasher.Genesis, entry)));
        Assert.NotEqual(original, EntryHasher.Hash(SHA256.HashData([1]), Entry));
    }

    [Fact]
    public void Hash_FieldBoundariesMoved_DifferentHash()
    {
        var a = Entry with { Caller = new ExchangeCaller("ab", "c", string.Empty) };
        var b = Entry with { Caller = new ExchangeCaller("a", "bc", string.Empty) };

        Assert.NotEqual(EntryHasher.Hash(EntryHasher.Genesis, a), EntryHasher.Hash(EntryHasher.Genesis, b));
    }

    [Fact]
    public void Checkpoint_SignedByOneKey_VerifiesOnlyWithThatKey()
    {
        using var signer = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        using var other = new CheckpointSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var checkpoint = signer.Sign("node-a", 1000, SHA256.HashData([42]), DateTimeOffset.UtcNow);

        Assert.True(CheckpointSigner.IsValid(checkpoint, signer.PublicKey));
        Assert.False(CheckpointSigner.IsValid(checkpoint, other.PublicKey));
        Assert.False(CheckpointSigner.IsValid(checkpoint with { Sequence = 1001 }, signer.PublicKey));
        Assert.False(CheckpointSigner.IsValid(checkpoint with { Hash = SHA256.HashData([43]) }, signer.PublicKey));
    }
}
