namespace Exchange.Adapters.Model;

/// <summary>Route of administration (接种途径).</summary>
public enum Route
{
    Unknown = 0,
    Intramuscular = 1,
    Subcutaneous = 2,
    Intradermal = 3,
    Oral = 4,
    Intranasal = 5,
}
