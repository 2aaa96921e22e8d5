using Exchange.Adapters.Model;

namespace Exchange.Silo.Schedule;

/// <summary>Residence type (居住属性) as coverage reports stratify it (facts §5.1: 1 本地 local, 2 流动 mobile).</summary>
public enum ResidenceType
{
    Local = 1,
    Mobile = 2,
}

/// <summary>Derives the residence type from the registration facts.</summary>
public static class ResidenceTypes
{
    private const int CountyDigits = 6;

    /// <summary>
    /// Local when the household registration (户籍) is in the county of the managing unit, or is not known; mobile when
    /// it is in another county. The facts file names the two categories but not the rule, so this follows the usual
    /// meaning of 流动儿童 (household registered outside the county where the child lives and is managed).
    /// </summary>
    public static ResidenceType Of(Demographics demographics)
    {
        ArgumentNullException.ThrowIfNull(demographics);
        var household = demographics.HouseholdRegion;
        var unit = demographics.ManagingUnit;
        if (string.IsNullOrEmpty(household) || household.Length < CountyDigits || unit.Length < CountyDigits)
        {
            return ResidenceType.Local;
        }

        return household.AsSpan(0, CountyDigits).SequenceEqual(unit.AsSpan(0, CountyDigits)) ? ResidenceType.Local : ResidenceType.Mobile;
    }
}
