namespace Exchange.Testing.Synthetic;

/// <summary>
/// One synthetic population shared by every test of a run, so no two tests ever get children with the same
/// identifiers (separate populations would reuse child codes and ID numbers).
/// </summary>
public static class TestChildren
{
    private static readonly Lock Gate = new();
    private static readonly SyntheticPopulation Population = new(seed: 20261204, asOf: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)));

    public static SyntheticChild Next()
    {
        lock (Gate)
        {
            return Population.NextChild();
        }
    }

    /// <summary>A child with at least <paramref name="minimumDoses"/> doses (an older child).</summary>
    public static SyntheticChild WithDoses(int minimumDoses)
    {
        while (true)
        {
            var child = Next();
            if (child.Doses.Count >= minimumDoses)
            {
                return child;
            }
        }
    }
}
