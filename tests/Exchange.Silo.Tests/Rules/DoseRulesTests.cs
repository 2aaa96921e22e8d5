using Exchange.Adapters.Model;
using Exchange.Silo.Records;
using Exchange.Silo.Rules;

namespace Exchange.Silo.Tests.Rules;

public class DoseRulesTests
{
    private const string HubId = "0193a8c4e2f07b7d9a1b2c3d4e5f6071";
    private static readonly DateOnly BirthDate = new(2024, 3, 15);
    private static readonly DateTimeOffset FirstReceived = new(2024, 3, 16, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondReceived = new(2024, 3, 17, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_NewDose_IsRecordedWithItsSource()
    {
        var dose = Dose("0201", 1, BirthDate, sourceRecordId: "his-1");

        var (events, outcomes) = DoseRules.Apply(HubId, [], [dose], "his", FirstReceived);

        var recorded = Assert.Single(events);
        Assert.Equal(new DoseOutcome(0, DoseOutcomeKind.Recorded, recorded.EventId), Assert.Single(outcomes));
        Assert.Equal($"{HubId}-1", recorded.EventId);
        Assert.Equal(dose.Dose, recorded.Dose);
        Assert.Equal([new EventSource("his", "his-1", FirstReceived)], recorded.Sources);
        Assert.True(DoseRules.ChangesRecord(outcomes));
    }

    [Fact]
    public void Apply_SameDoseFromAnotherSystem_MergesAndKeepsBothSourcesInOrder()
    {
        var (existing, _) = DoseRules.Apply(HubId, [], [Dose("0201", 1, BirthDate, sourceRecordId: "his-1")], "his", FirstReceived);
        var sameDose = Dose("0201", 1, BirthDate, lotNumber: "OTHER-LOT", sourceRecordId: "cdc-9");

        var (events, outcomes) = DoseRules.Apply(HubId, existing, [sameDose], "cdc", SecondReceived);

        var merged = Assert.Single(events);
        Assert.Equal(new DoseOutcome(0, DoseOutcomeKind.Merged, existing[0].EventId), Assert.Single(outcomes));
        Assert.Equal(
            [new EventSource("his", "his-1", FirstReceived), new EventSource("cdc", "cdc-9", SecondReceived)],
            merged.Sources);
        Assert.Equal("202401A", merged.Dose.LotNumber);
        Assert.True(DoseRules.ChangesRecord(outcomes));
    }

    [Fact]
    public void Apply_SameDoseFromSameSystemAgain_IsAlreadyRecordedAndChangesNothing()
    {
        var (existing, _) = DoseRules.Apply(HubId, [], [Dose("0201", 1, BirthDate)], "his", FirstReceived);

        var (events, outcomes) = DoseRules.Apply(HubId, existing, [Dose("0201", 1, BirthDate)], "his", SecondReceived);

        Assert.Equal(new DoseOutcome(0, DoseOutcomeKind.AlreadyRecorded, existing[0].EventId), Assert.Single(outcomes));
        Assert.Equal(existing, events);
        Assert.False(DoseRules.ChangesRecord(outcomes));
    }

    [Fact]
    public void Apply_IdenticalDosesInOneCommand_StoresOneEvent()
    {
        var dose = Dose("0101", 1, BirthDate);

        var (events, outcomes) = DoseRules.Apply(HubId, [], [dose, dose], "his", FirstReceived);

        var stored = Assert.Single(events);
        Assert.Single(stored.Sources);
        Assert.Equal(
            [new DoseOutcome(0, DoseOutcomeKind.Recorded, stored.EventId), new DoseOutcome(1, DoseOutcomeKind.AlreadyRecorded, stored.EventId)],
            outcomes);
    }

    [Fact]
    public void Apply_SameVaccineDifferentDoseOrDate_AreDifferentEvents()
    {
        DoseReport[] doses = [Dose("0201", 1, BirthDate), Dose("0201", 2, BirthDate.AddMonths(1)), Dose("0201", 1, BirthDate.AddDays(1))];

        var (events, outcomes) = DoseRules.Apply(HubId, [], doses, "his", FirstReceived);

        Assert.Equal(3, events.Count);
        Assert.All(outcomes, outcome => Assert.Equal(DoseOutcomeKind.Recorded, outcome.Kind));
    }

    [Fact]
    public void Apply_NewDosesOnExistingEvents_GetUniqueIdsContinuingTheNumbering()
    {
        var (existing, _) = DoseRules.Apply(HubId, [], [Dose("0201", 1, BirthDate), Dose("0101", 1, BirthDate)], "his", FirstReceived);

        var (events, outcomes) = DoseRules.Apply(
            HubId, existing, [Dose("0201", 2, BirthDate.AddMonths(1)), Dose("0303", 1, BirthDate.AddMonths(2))], "his", SecondReceived);

        Assert.Equal([$"{HubId}-1", $"{HubId}-2"], existing.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.Equal([$"{HubId}-3", $"{HubId}-4"], outcomes.Select(outcome => outcome.EventId));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Apply_NumberingAfterGaps_ContinuesAfterTheHighestId()
    {
        var (existing, _) = DoseRules.Apply(HubId, [], [Dose("0201", 1, BirthDate)], "his", FirstReceived);
        var renumbered = existing.Select(e => e with { EventId = $"{HubId}-12" }).ToList();

        var (_, outcomes) = DoseRules.Apply(HubId, renumbered, [Dose("0101", 1, BirthDate)], "his", SecondReceived);

        Assert.Equal($"{HubId}-13", Assert.Single(outcomes).EventId);
    }

    [Fact]
    public void Apply_DosesOutOfOrder_ReturnsEventsSortedByDate()
    {
        DoseReport[] doses =
        [
            Dose("0303", 1, BirthDate.AddMonths(3)),
            Dose("0201", 1, BirthDate),
            Dose("0201", 2, BirthDate.AddMonths(1)),
            Dose("0101", 1, BirthDate),
        ];

        var (events, outcomes) = DoseRules.Apply(HubId, [], doses, "his", FirstReceived);

        Assert.Equal(
            [("0101", BirthDate), ("0201", BirthDate), ("0201", BirthDate.AddMonths(1)), ("0303", BirthDate.AddMonths(3))],
            events.Select(e => (e.Dose.VaccineCode, e.Dose.Date)));
        Assert.Equal([0, 1, 2, 3], outcomes.Select(outcome => outcome.Index));
        Assert.Equal("0303", events.Single(e => e.EventId == outcomes[0].EventId).Dose.VaccineCode);
    }

    [Fact]
    public void Check_DoseBeforeBirth_ReportsItsPositionInTheCommand()
    {
        DoseReport[] doses = [Dose("0201", 1, BirthDate), Dose("0101", 1, BirthDate.AddDays(-1))];

        var issues = DoseRules.Check(Demographics(), doses, "vaccinations");

        var issue = Assert.Single(issues);
        Assert.Equal("vaccinations[1].date", issue.Field);
        Assert.Contains("2024-03-15", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DosesOnOrAfterBirth_HasNoIssues()
    {
        Assert.Empty(DoseRules.Check(Demographics(), [Dose("0201", 1, BirthDate), Dose("0201", 2, BirthDate.AddMonths(1))], "vaccinations"));
    }

    private static DoseReport Dose(string vaccineCode, int doseNumber, DateOnly date, string lotNumber = "202401A", string? sourceRecordId = null) => new(
        new Adapters.Model.Dose(vaccineCode, doseNumber, date, lotNumber, date.AddYears(1), "HB", null, "4201020101", Route.Intramuscular, Site.RightUpperArm, null, VaccinationKind.Routine),
        sourceRecordId);

    private static Demographics Demographics() => new(
        "王小明", Sex.Male, BirthDate, null, null, null, null, null, "420102", "4201020101");
}
