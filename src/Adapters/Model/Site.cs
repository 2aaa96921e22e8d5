namespace Exchange.Adapters.Model;

/// <summary>Body site of administration (接种部位).</summary>
public enum Site
{
    Unknown = 0,
    LeftUpperArm = 1,
    RightUpperArm = 2,
    LeftThigh = 3,
    RightThigh = 4,
    Mouth = 5,
    Nose = 6,
    LeftButtock = 7,
    RightButtock = 8,
}
