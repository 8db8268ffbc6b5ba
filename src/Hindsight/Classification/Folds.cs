namespace Hindsight.Classification;

/// <summary>Stratified folds: each class's examples are shuffled (seeded) and dealt round-robin into the folds.</summary>
internal static class Folds
{
    /// <summary>The fold (0 … folds − 1) of each example.</summary>
    public static int[] Stratified(IReadOnlyList<string> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[labels.Count];
        foreach (var group in labels.Select((l, i) => (l, i)).GroupBy(x => x.l, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.Select(x => x.i).OrderBy(_ => random.Next()).ToList();
            for (var k = 0; k < members.Count; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

        return fold;
    }
}
