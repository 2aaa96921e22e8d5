using Exchange.Adapters.Model;
using Exchange.Adapters.Results;
using Exchange.Silo.Records;
using Exchange.Silo.Rules;

namespace Exchange.Silo.Tests.Rules;

public class TransferRulesTests
{
    private const string HomeUnit = "4201020101";
    private const string NewUnit = "4201060103";
    private const string NewRegion = "420106";
    private static readonly DateOnly BirthDate = new(2024, 3, 15);
    private static readonly DateTimeOffset Created = new(2024, 3, 16, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Received = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Apply_MoveIn_ChangesUnitAndRegionAndAppendsHistory()
    {
        var record = Record();
        var command = Command(TransferKind.MoveIn, new DateOnly(2025, 1, 1), NewUnit, NewRegion, "moved to Wuchang");

        var (updated, issues) = TransferRules.Apply(record, command);

        Assert.Empty(issues);
        Assert.NotNull(updated);
        Assert.Equal(RegisterStatus.TransferredIn, updated.RegisterStatus);
        Assert.Equal(NewUnit, updated.Demographics.ManagingUnit);
        Assert.Equal(NewRegion, updated.Demographics.ResidenceRegion);
        Assert.Equal(record.Demographics.HouseholdRegion, updated.Demographics.HouseholdRegion);
        Assert.Equal(
            [new RegisterStatusChange(RegisterStatus.Local, RegisterStatus.TransferredIn, new DateOnly(2025, 1, 1), HomeUnit, NewUnit, NewRegion, "moved to Wuchang", "his", Received)],
            updated.StatusHistory);
        Assert.Equal(Received, updated.UpdatedAt);
        Assert.Equal(Created, updated.CreatedAt);
    }

    [Fact]
    public void Apply_MoveOut_KeepsUnitAndRecordsMovedOut()
    {
        var (updated, issues) = TransferRules.Apply(Record(), Command(TransferKind.MoveOut, new DateOnly(2025, 1, 1)));

        Assert.Empty(issues);
        Assert.NotNull(updated);
        Assert.Equal(RegisterStatus.MovedOut, updated.RegisterStatus);
        Assert.Equal(HomeUnit, updated.Demographics.ManagingUnit);
        var change = Assert.Single(updated.StatusHistory);
        Assert.Equal((RegisterStatus.Local, RegisterStatus.MovedOut, HomeUnit, HomeUnit), (change.From, change.To, change.FromUnit, change.ToUnit));
        Assert.Null(change.ToRegion);
    }

    [Fact]
    public void Apply_TemporarilyAway_RecordsTemporarilyAway()
    {
        var (updated, _) = TransferRules.Apply(Record(), Command(TransferKind.TemporarilyAway, new DateOnly(2025, 1, 1)));

        Assert.Equal(RegisterStatus.TemporarilyAway, updated?.RegisterStatus);
    }

    [Fact]
    public void Apply_ReturnAfterMoveOut_IsLocalAgainWithBothChangesInHistory()
    {
        var (movedOut, _) = TransferRules.Apply(Record(), Command(TransferKind.MoveOut, new DateOnly(2025, 1, 1)));

        var (returned, issues) = TransferRules.Apply(movedOut!, Command(TransferKind.Return, new DateOnly(2025, 2, 1)));

        Assert.Empty(issues);
        Assert.NotNull(returned);
        Assert.Equal(RegisterStatus.Local, returned.RegisterStatus);
        Assert.Equal(
            [(RegisterStatus.Local, RegisterStatus.MovedOut), (RegisterStatus.MovedOut, RegisterStatus.Local)],
            returned.StatusHistory.Select(change => (change.From, change.To)));
    }

    [Theory]
    [InlineData(RegisterStatus.Dead)]
    [InlineData(RegisterStatus.Deleted)]
    public void Apply_RecordDeadOrDeleted_IsRefusedAsConflict(RegisterStatus status)
    {
        var record = Record() with { RegisterStatus = status };

        var (updated, issues) = TransferRules.Apply(record, Command(TransferKind.MoveIn, new DateOnly(2025, 1, 1), NewUnit, NewRegion));

        Assert.Null(updated);
        Assert.Equal(IssueCode.Conflict, Assert.Single(issues).Code);
    }

    [Fact]
    public void Apply_EffectiveDateBeforeBirth_IsRefused()
    {
        var (updated, issues) = TransferRules.Apply(Record(), Command(TransferKind.MoveOut, BirthDate.AddDays(-1)));

        Assert.Null(updated);
        var issue = Assert.Single(issues);
        Assert.Equal((IssueCode.Invalid, "effective_date"), (issue.Code, issue.Field));
    }

    [Fact]
    public void Apply_EffectiveOnBirthDate_IsAccepted()
    {
        var (updated, issues) = TransferRules.Apply(Record(), Command(TransferKind.MoveOut, BirthDate));

        Assert.Empty(issues);
        Assert.NotNull(updated);
    }

    private static PersonRecord Record() => new(
        "0193a8c4e2f07b7d9a1b2c3d4e5f6071",
        [new PersonIdentifier(IdentifierKind.ChildCode, "420102010120240001")],
        new Demographics("王小明", Sex.Male, BirthDate, null, null, null, null, "420102", "420102", HomeUnit),
        RegisterStatus.Local,
        [],
        [],
        Created,
        Created);

    private static TransferCommand Command(TransferKind kind, DateOnly effective, string? toUnit = null, string? toRegion = null, string? remark = null) =>
        new("his", "m-1", kind, effective, toUnit, toRegion, remark, Received);
}
