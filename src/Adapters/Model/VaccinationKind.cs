namespace Exchange.Adapters.Model;

/// <summary>Vaccination kind (接种属性).</summary>
public enum VaccinationKind
{
    Routine = 1,
    Booster = 2,
    SupplementaryCampaign = 3,
    Emergency = 4,
}
