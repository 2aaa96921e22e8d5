using System.Text.Json;
using Exchange.Silo.Audit;

namespace Exchange.Silo.Tests.Audit;

public sealed class EntryColumnsTests
{
    [Fact]
    public void PersonsJson_WritesWhatTheSerializerWrote_SoStoredRowsKeepOneFormat()
    {
        TouchedPerson[] persons =
        [
            new("0193a1b2c3d4e5f60718293a4b5c6d7e", "420106"),
            new("quote\"and\\backslash", "区域<>&'"),
            new(string.Empty, string.Empty),
        ];

        var written = EntryColumns.PersonsJson(persons);

        Assert.Equal(JsonSerializer.Serialize(persons.Select(person => new[] { person.HubId, person.Region })), written);
        Assert.Equal("[]", EntryColumns.PersonsJson([]));
    }

    [Fact]
    public void PersonsJson_ReadsBackAsTheSamePersons()
    {
        TouchedPerson[] persons = [new("a1", "420106"), new("b2", "110101")];

        var pairs = JsonSerializer.Deserialize<string[][]>(EntryColumns.PersonsJson(persons));

        Assert.Equal(persons, pairs!.Select(pair => new TouchedPerson(pair[0], pair[1])));
    }
}
