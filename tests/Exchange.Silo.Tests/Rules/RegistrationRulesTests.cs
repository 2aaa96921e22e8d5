using Exchange.Adapters.Model;
using Exchange.Silo.Rules;

namespace Exchange.Silo.Tests.Rules;

public class RegistrationRulesTests
{
    private const string HubId = "0193a8c4e2f07b7d9a1b2c3d4e5f6071";
    private static readonly DateTimeOffset Created = new(2024, 3, 16, 1, 0, 0, TimeSpan.Zero);
    private static readonly PersonIdentifier ChildCode = new(IdentifierKind.ChildCode, "420102010120240001");
    private static readonly PersonIdentifier BirthCertificate = new(IdentifierKind.BirthCertificate, "O420123456");
    private static readonly PersonIdentifier ResidentId = new(IdentifierKind.ResidentId, "42010220240315009X");

    [Fact]
    public void Create_Registration_IsLocalWithNoHistoryOrDoses()
    {
        var record = RegistrationRules.Create(HubId, new PersonRegistration([ChildCode], Known()), Created);

        Assert.Equal(HubId, record.HubId);
        Assert.Equal([ChildCode], record.Identifiers);
        Assert.Equal(RegisterStatus.Local, record.RegisterStatus);
        Assert.Empty(record.StatusHistory);
        Assert.Empty(record.Vaccinations);
        Assert.Equal(Created, record.CreatedAt);
        Assert.Equal(Created, record.UpdatedAt);
    }

    [Fact]
    public void Merge_NewIdentifiers_AreAddedAfterTheKnownOnes()
    {
        var record = RegistrationRules.Create(HubId, new PersonRegistration([ChildCode, BirthCertificate], Known()), Created);

        var merged = RegistrationRules.Merge(record, new PersonRegistration([BirthCertificate, ResidentId], Known()));

        Assert.Equal([ChildCode, BirthCertificate, ResidentId], merged.Identifiers);
        Assert.True(RegistrationRules.Changes(record, merged));
    }

    [Fact]
    public void Merge_FactsOnRecord_AreKept()
    {
        var record = RegistrationRules.Create(HubId, new PersonRegistration([ChildCode], Known()), Created);
        var offered = new Demographics(
            "王大明", Sex.Female, new DateOnly(2024, 3, 16), new TimeOnly(23, 59), 2900,
            new Contact("赵敏", null, "13900000000"), new Contact("王强", null, null), "420106", "420106", "4201060101");

        var merged = RegistrationRules.Merge(record, new PersonRegistration([ChildCode], offered));

        Assert.Equal(record.Demographics, merged.Demographics);
        Assert.False(RegistrationRules.Changes(record, merged));
    }

    [Fact]
    public void Merge_MissingFacts_AreFilledIn()
    {
        var sparse = Known() with { BirthTime = null, BirthWeightGrams = null, Mother = null, Guardian = null, HouseholdRegion = null };
        var record = RegistrationRules.Create(HubId, new PersonRegistration([ChildCode], sparse), Created);

        var merged = RegistrationRules.Merge(record, new PersonRegistration([ChildCode], Known()));

        Assert.Equal(Known(), merged.Demographics);
        Assert.True(RegistrationRules.Changes(record, merged));
    }

    [Fact]
    public void Merge_SameRegistrationAgain_ChangesNothing()
    {
        var record = RegistrationRules.Create(HubId, new PersonRegistration([ChildCode, BirthCertificate], Known()), Created);

        var merged = RegistrationRules.Merge(record, new PersonRegistration([BirthCertificate, ChildCode], Known()));

        Assert.Equal(record.Identifiers, merged.Identifiers);
        Assert.False(RegistrationRules.Changes(record, merged));
    }

    [Fact]
    public void Merge_RecordWithDosesAndHistory_KeepsThem()
    {
        var change = new RegisterStatusChange(
            RegisterStatus.Local, RegisterStatus.MovedOut, new DateOnly(2024, 5, 1), "4201020101", "4201020101", null, null, "his", Created);
        var record = RegistrationRules.Create(HubId, new PersonRegistration([ChildCode], Known()), Created) with
        {
            RegisterStatus = RegisterStatus.MovedOut,
            StatusHistory = [change],
        };

        var merged = RegistrationRules.Merge(record, new PersonRegistration([ResidentId], Known()));

        Assert.Equal(RegisterStatus.MovedOut, merged.RegisterStatus);
        Assert.Equal([change], merged.StatusHistory);
        Assert.Equal(Created, merged.CreatedAt);
    }

    private static Demographics Known() => new(
        "王小明", Sex.Male, new DateOnly(2024, 3, 15), new TimeOnly(8, 30), 3250,
        new Contact("李娜", "420102199001010022", "13812345678"), new Contact("王建国", null, "13900001111"), "420102", "420102", "4201020101");
}
