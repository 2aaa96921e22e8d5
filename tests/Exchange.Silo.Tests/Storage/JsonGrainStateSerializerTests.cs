using System.Text.Json;
using Exchange.Silo.Grains;
using Exchange.Silo.Hosting;
using Exchange.Silo.Rules;
using Exchange.Silo.Schedule;
using Exchange.Silo.Tests.Grains;
using Exchange.Testing.Synthetic;

namespace Exchange.Silo.Tests.Storage;

/// <summary>
/// A person's state as PostgreSQL receives it: the index document and the body, written by compile-time serializers
/// that must write exactly what the reflection-based <see cref="ExchangeJson.Options"/> writes (stored rows, SQL paths
/// and the read path all assume that shape).
/// </summary>
public sealed class JsonGrainStateSerializerTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 6, 30, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Serialize_SyntheticChildrenWithDoses_WritesTheIndexDocumentAndBodyByteForByteAsTheReflectionSerializer()
    {
        var population = new SyntheticPopulation(seed: 20_261_205, ClusterFixture.AsOf);
        var serializer = new JsonGrainStateSerializer(separateIndexDocument: true);

        for (var n = 0; n < 50; n++)
        {
            var state = StateOf(population.NextChild(), claim: n % 2 == 0);

            var bytes = serializer.Serialize(state).ToArray();

            var separator = Array.IndexOf(bytes, JsonGrainStateSerializer.IndexDocumentSeparator);
            Assert.True(separator > 0);
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(PersonIndexDocument.Of(state), ExchangeJson.Options), bytes[..separator]);
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(PersonBody.Of(state), ExchangeJson.Options), bytes[(separator + 1)..]);
        }
    }

    [Fact]
    public void Deserialize_BodyWrittenBySerialize_ReadsBackTheRecordAndProcessedMessages()
    {
        var state = StateOf(new SyntheticPopulation(seed: 7, ClusterFixture.AsOf).NextChild(), claim: false);
        var bytes = new JsonGrainStateSerializer(separateIndexDocument: true).Serialize(state).ToArray();
        var body = bytes[(Array.IndexOf(bytes, JsonGrainStateSerializer.IndexDocumentSeparator) + 1)..];

        var read = new JsonGrainStateSerializer().Deserialize<PersonState>(new BinaryData(body));

        Assert.Equal(JsonSerializer.Serialize(state.Record, ExchangeJson.Options), JsonSerializer.Serialize(read.Record, ExchangeJson.Options));
        Assert.Equal(JsonSerializer.Serialize(state.Processed, ExchangeJson.Options), JsonSerializer.Serialize(read.Processed, ExchangeJson.Options));
    }

    private static PersonState StateOf(SyntheticChild child, bool claim)
    {
        var hubId = Guid.NewGuid().ToString("N");
        var record = RegistrationRules.Create(hubId, ClusterFixture.RegistrationOf(child), ReceivedAt);
        var doses = child.Doses.Select(dose => ClusterFixture.DoseOf(dose)).ToArray();
        var (events, applied) = DoseRules.Apply(hubId, record.Vaccinations, doses, "clinic", ReceivedAt, "4201020101");
        record = record with { Vaccinations = events };
        var outcomes = applied.ToArray();
        Assert.NotEmpty(record.Vaccinations);
        return new PersonState
        {
            Record = record,
            Processed = [new ProcessedMessage("clinic/m-1", new StoredWrite(true, new string('R', outcomes.Length), [.. Enumerable.Range(1, outcomes.Length)]), null)],
            Schedule = StoredSchedule.For(record, ClusterFixture.AsOf),
            IndexClaims = claim ? [.. record.Identifiers.Select(identifier => $"{(int)identifier.Kind}:{identifier.Value}")] : null,
        };
    }
}
