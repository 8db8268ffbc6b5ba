namespace Hindsight.Drift;

/// <summary>
/// Group-fairness gaps of a binary classifier's outputs: the demographic-parity difference (largest minus smallest
/// positive-prediction rate across groups) and the equal-opportunity difference (the same over true-positive rates,
/// among the records whose label is positive). Zero is parity.
/// </summary>
public static class Fairness
{
    /// <summary>max − min over groups of P(prediction = 1 | group), with each group's rate.</summary>
    public static FairnessGap DemographicParity(IReadOnlyList<string> groups, IReadOnlyList<bool> predictions)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(predictions);
        SameLength(groups.Count, predictions.Count);
        return Gap(Enumerable.Range(0, groups.Count).Select(i => (groups[i], predictions[i])));
    }

    /// <summary>max − min over groups of P(prediction = 1 | label = 1, group); groups without a positive label are left out.</summary>
    public static FairnessGap EqualOpportunity(IReadOnlyList<string> groups, IReadOnlyList<bool> predictions, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        SameLength(groups.Count, predictions.Count);
        SameLength(groups.Count, labels.Count);
        return Gap(Enumerable.Range(0, groups.Count).Where(i => labels[i]).Select(i => (groups[i], predictions[i])));
    }

    private static FairnessGap Gap(IEnumerable<(string Group, bool Positive)> records)
    {
        var rates = records
            .GroupBy(r => r.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(r => r.Positive) / (double)g.Count(), StringComparer.Ordinal);
        return new FairnessGap(rates.Count < 2 ? 0 : rates.Values.Max() - rates.Values.Min(), rates);
    }

    private static void SameLength(int a, int b)
    {
        if (a != b)
        {
            throw new ArgumentException($"expected one value per record, got {a} and {b}");
        }
    }
}
