using Exchange.Adapters.Validation.Formats;
using Exchange.Testing.Synthetic;

namespace Exchange.Adapters.Tests.Synthetic;

public class SyntheticPopulationTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Fact]
    public void Children_AllIdentifiers_PassTheValidators()
    {
        foreach (var child in new SyntheticPopulation(1, AsOf).Children(5_000))
        {
            Assert.Null(ChildCode.Check(child.ChildCode));
            Assert.Null(BirthCertificateNumber.Check(child.BirthCertificateNumber));
            Assert.Null(RegionCode.Check(child.HouseholdRegion));
            Assert.Null(RegionCode.Check(child.ResidenceRegion));
            Assert.Null(UnitCode.Check(child.ManagingUnit));
            Assert.Null(ResidentIdNumber.Check(child.Mother.IdNumber, AsOf));
            Assert.Null(PhoneNumber.Check(child.Mother.Phone));
            if (child.ResidentIdNumber is { } id)
            {
                Assert.Null(ResidentIdNumber.Check(id, AsOf));
            }

            foreach (var dose in child.Doses)
            {
                Assert.Null(VaccineCode.Check(dose.VaccineCode));
                Assert.Null(UnitCode.Check(dose.AdministeringUnit));
                Assert.Equal(20, dose.TraceabilityCode.Length);
                Assert.True(dose.ExpiryDate >= dose.Date, $"{child.ChildCode}: lot {dose.LotNumber} expired before {dose.Date}");
            }
        }
    }

    [Fact]
    public void Children_ResidentIds_MatchBirthDateSexAndHousehold()
    {
        var withId = 0;
        var children = new SyntheticPopulation(2, AsOf).Children(4_000).ToList();
        foreach (var child in children)
        {
            Assert.Equal(false, ResidentIdNumber.IsMale(child.Mother.IdNumber));
            var motherBirth = ResidentIdNumber.BirthDate(child.Mother.IdNumber)!.Value;
            Assert.InRange(motherBirth.Year, 1985, 2000);
            if (child.ResidentIdNumber is not { } id)
            {
                continue;
            }

            withId++;
            Assert.Equal(child.BirthDate, ResidentIdNumber.BirthDate(id));
            Assert.Equal(child.IsMale, ResidentIdNumber.IsMale(id));
            Assert.StartsWith(child.HouseholdRegion, id, StringComparison.Ordinal);
        }

        Assert.InRange(withId, children.Count * 4 / 10, children.Count * 6 / 10);
    }

    [Fact]
    public void Children_TenThousand_HaveUniqueCodesAndIdentifiers()
    {
        var children = new SyntheticPopulation(3, AsOf).Children(10_000).ToList();

        Assert.Equal(children.Count, children.Select(c => c.ChildCode).Distinct().Count());
        Assert.Equal(children.Count, children.Select(c => c.BirthCertificateNumber).Distinct().Count());
        Assert.Equal(children.Count, children.Select(c => c.Mother.IdNumber).Distinct().Count());
        var childIds = children.Where(c => c.ResidentIdNumber is not null).Select(c => c.ResidentIdNumber).ToList();
        Assert.Equal(childIds.Count, childIds.Distinct().Count());
        var traceability = children.SelectMany(c => c.Doses).Select(d => d.TraceabilityCode).ToList();
        Assert.Equal(traceability.Count, traceability.Distinct().Count());
    }

    [Fact]
    public void Children_ChildCode_IsManagingUnitPlusBirthYear()
    {
        foreach (var child in new SyntheticPopulation(4, AsOf).Children(1_000))
        {
            Assert.StartsWith(child.ManagingUnit, child.ChildCode, StringComparison.Ordinal);
            Assert.Equal(child.BirthDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), child.ChildCode.Substring(10, 4));
            Assert.StartsWith(child.ResidenceRegion, child.ManagingUnit, StringComparison.Ordinal);
            Assert.StartsWith("42", child.HouseholdRegion, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Children_Doses_SortedAndBetweenBirthAndAsOf()
    {
        foreach (var child in new SyntheticPopulation(5, AsOf).Children(5_000))
        {
            Assert.InRange(child.BirthDate, AsOf.AddYears(-6), AsOf);
            for (var i = 0; i < child.Doses.Count; i++)
            {
                Assert.InRange(child.Doses[i].Date, child.BirthDate, AsOf);
                if (i > 0)
                {
                    Assert.True(child.Doses[i - 1].Date <= child.Doses[i].Date, $"{child.ChildCode}: doses out of order");
                }
            }
        }
    }

    [Fact]
    public void Children_Doses_KeepSeriesOrderAndMinimumIntervals()
    {
        foreach (var child in new SyntheticPopulation(6, AsOf).Children(5_000))
        {
            var doses = child.Doses;
            AssertInterval(child, doses, ["0202"], 1, 2, days: 28);
            AssertInterval(child, doses, ["0202"], 2, 3, days: 60);
            AssertInterval(child, doses, ["0303", "0311"], 1, 2, days: 28);
            AssertInterval(child, doses, ["0303", "0311"], 2, 3, days: 28);
            AssertInterval(child, doses, ["0303", "0311"], 3, 4, days: 28);
            AssertInterval(child, doses, ["0402"], 1, 2, days: 28);
            AssertInterval(child, doses, ["0402"], 2, 3, days: 28);
            AssertInterval(child, doses, ["0402"], 3, 4, months: 6);
            AssertInterval(child, doses, ["1201"], 1, 2, days: 28);
            AssertInterval(child, doses, ["1801"], 1, 2, months: 12);
            AssertInterval(child, doses, ["1601", "1701"], 1, 2, months: 3);
            AssertInterval(child, doses, ["1601", "1701"], 2, 3, months: 12);
            AssertInterval(child, doses, ["1601", "1701"], 3, 4, months: 36);
        }
    }

    [Fact]
    public void NextChild_SixYearOld_HasTheDosesDueBeforeSix()
    {
        var population = new SyntheticPopulation(7, AsOf);
        var child = Enumerable.Range(0, 10_000).Select(_ => population.NextChild())
            .First(c => c.BirthDate < AsOf.AddYears(-5).AddMonths(-9));

        // Everything up to and including bOPV at 48 months: 3 HepB, BCG, 2 IPV, 2 bOPV, 4 DTaP, 2 MMR,
        // 2 JE-L, 2 MPSV-A, 1 MPSV-AC, 1 HepA-L.
        Assert.InRange(child.Doses.Count, 20, 22);
        Assert.Equal(4, child.Doses.Count(d => d.VaccineCode == "0402"));
    }

    [Fact]
    public void NextChild_Newborn_HasOnlyBirthDoses()
    {
        var population = new SyntheticPopulation(8, AsOf);
        var child = Enumerable.Range(0, 10_000).Select(_ => population.NextChild()).First(c => c.BirthDate == AsOf);

        Assert.Equal(["0202", "0101"], child.Doses.Select(d => d.VaccineCode));
        Assert.All(child.Doses, d => Assert.Equal(child.BirthDate, d.Date));
    }

    [Fact]
    public void Children_SameSeed_AreIdentical()
    {
        var first = new SyntheticPopulation(42, AsOf).Children(500).ToList();
        var second = new SyntheticPopulation(42, AsOf).Children(500).ToList();

        var none = Array.Empty<SyntheticDose>();
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i] with { Doses = none }, second[i] with { Doses = none });
            Assert.Equal(first[i].Doses, second[i].Doses);
        }
    }

    [Fact]
    public void Children_DifferentSeed_Differ()
    {
        var first = new SyntheticPopulation(1, AsOf).Children(20).Select(c => c.Name).ToList();
        var second = new SyntheticPopulation(2, AsOf).Children(20).Select(c => c.Name).ToList();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Children_Names_AreTwoOrThreeChineseCharacters()
    {
        foreach (var child in new SyntheticPopulation(9, AsOf).Children(1_000))
        {
            Assert.InRange(child.Name.Length, 2, 3);
            Assert.InRange(child.Mother.Name.Length, 2, 3);
            Assert.All(child.Name, c => Assert.InRange(c, '\u4E00', '\u9FFF'));
        }
    }

    [Fact]
    public void Children_NegativeCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticPopulation(1, AsOf).Children(-1));
    }

    private static void AssertInterval(
        SyntheticChild child, IReadOnlyList<SyntheticDose> doses, string[] codes, int fromDose, int toDose, int days = 0, int months = 0)
    {
        var from = doses.FirstOrDefault(d => codes.Contains(d.VaccineCode) && d.DoseNumber == fromDose);
        var to = doses.FirstOrDefault(d => codes.Contains(d.VaccineCode) && d.DoseNumber == toDose);
        if (to is null)
        {
            return;
        }

        Assert.NotNull(from);
        var earliest = from.Date.AddMonths(months).AddDays(days);
        Assert.True(to.Date >= earliest, $"{child.ChildCode}: {codes[0]} dose {toDose} on {to.Date} is before {earliest}");
    }
}
