using Exchange.Adapters.Model;
using Exchange.Adapters.Schedule;

namespace Exchange.Adapters.Tests.Schedule;

/// <summary>A stored projection is reused only while the facts the schedule reads are the same.</summary>
public class ScheduleSubjectTests
{
    private static readonly DateOnly Birth = new(2025, 3, 1);

    [Fact]
    public void HasSameFacts_SameDoses_True()
    {
        var subject = Subject(Sex.Female, new GivenDose("0202", Birth, "e-1"));

        Assert.True(subject.HasSameFacts(Subject(Sex.Female, new GivenDose("0202", Birth, "e-1"))));
    }

    [Theory]
    [InlineData("0202", 1, "e-1", Sex.Female)]
    [InlineData("0101", 0, "e-1", Sex.Female)]
    [InlineData("0202", 0, "e-2", Sex.Female)]
    [InlineData("0202", 0, "e-1", Sex.Male)]
    public void HasSameFacts_ADoseOrTheSexDiffers_False(string vaccine, int daysLater, string eventId, Sex sex)
    {
        var subject = Subject(Sex.Female, new GivenDose("0202", Birth, "e-1"));

        Assert.False(subject.HasSameFacts(Subject(sex, new GivenDose(vaccine, Birth.AddDays(daysLater), eventId))));
    }

    [Fact]
    public void HasSameFacts_ADoseAdded_False()
    {
        var subject = Subject(Sex.Female, new GivenDose("0202", Birth, "e-1"));

        Assert.False(subject.HasSameFacts(Subject(Sex.Female, new GivenDose("0202", Birth, "e-1"), new GivenDose("0101", Birth, "e-2"))));
    }

    private static ScheduleSubject Subject(Sex sex, params GivenDose[] doses) => new(Birth, sex, doses);
}
