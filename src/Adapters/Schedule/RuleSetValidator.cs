namespace Exchange.Adapters.Schedule;

/// <summary>Checks a resolved rule set for the mistakes a hand-edited rule file can contain.</summary>
internal static class RuleSetValidator
{
    public static void Validate(ScheduleRuleSet rules)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in rules.Series)
        {
            if (!seen.Add(series.Id))
            {
                Fail(rules, $"series {series.Id} appears twice");
            }

            if (series.Doses.Count == 0)
            {
                Fail(rules, $"series {series.Id} has no doses");
            }

            for (var i = 0; i < series.Doses.Count; i++)
            {
                ValidateDose(rules, series, series.Doses[i], i + 1, seen);
            }
        }
    }

    private static void ValidateDose(ScheduleRuleSet rules, Series series, DoseRule dose, int expectedNumber, HashSet<string> earlierSeries)
    {
        var where = $"{series.Id} dose {dose.Number}";
        if (dose.Number != expectedNumber)
        {
            Fail(rules, $"{where} should be numbered {expectedNumber}");
        }

        if (dose.Products.Count == 0)
        {
            Fail(rules, $"{where} lists no products");
        }

        foreach (var code in dose.Products.Where(c => !rules.Vaccines.ContainsKey(c)))
        {
            Fail(rules, $"{where} lists product {code}, which is not in vaccines");
        }

        foreach (var code in dose.ProductRules.Keys.Where(c => !dose.Products.Contains(c)))
        {
            Fail(rules, $"{where} has a product rule for {code}, which is not one of its products");
        }

        foreach (var interval in dose.Intervals.Concat(dose.ProductRules.Values.SelectMany(p => p.Intervals ?? [])))
        {
            var ownSeries = interval.FromSeries is null || interval.FromSeries == series.Id;
            if (ownSeries && (interval.FromDose < 1 || interval.FromDose >= dose.Number))
            {
                Fail(rules, $"{where} has an interval from dose {interval.FromDose}, which is not an earlier dose");
            }

            if (!ownSeries && !earlierSeries.Contains(interval.FromSeries!))
            {
                Fail(rules, $"{where} has an interval from series {interval.FromSeries}, which is not an earlier series");
            }
        }
    }

    private static void Fail(ScheduleRuleSet rules, string problem) =>
        throw new InvalidDataException($"Rule set {rules.Id}: {problem}.");
}
