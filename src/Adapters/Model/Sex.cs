namespace Exchange.Adapters.Model;

/// <summary>Sex, valued as GB/T 2261.1 codes.</summary>
public enum Sex
{
    NotKnown = 0,
    Male = 1,
    Female = 2,
    NotStated = 9,
}
