namespace Hindsight.Retrieval;

/// <summary>
/// A query's terms laid out for the MaxScore loop: plain arrays of postings, weights and the running sum of upper
/// bounds (terms in ascending bound order), plus BM25's length normalisation as base + slope × length.
/// Read-only once built, so the ranges of a parallel search share one.
/// </summary>
internal sealed class MaxScorePlan
{
    public MaxScorePlan(IncidentIndex index, QueryTerm[] terms)
    {
        Index = index;
        Terms = terms.Length;
        Docs = new int[Terms][];
        Frequencies = new byte[Terms][];
        Counts = new int[Terms];
        Weights = new float[Terms];
        Prefix = new float[Terms];
        Dense = new DenseRank?[Terms];
        for (var i = 0; i < Terms; i++)
        {
            var postings = terms[i].Postings;
            Docs[i] = postings.DocArray;
            Frequencies[i] = postings.FrequencyArray;
            Counts[i] = postings.Count;
            Weights[i] = terms[i].Weight;
            Dense[i] = postings.Dense();
            Prefix[i] = terms[i].UpperBound + (i > 0 ? Prefix[i - 1] : 0);
            Postings += postings.Count;
        }

        NormSlope = Bm25.NormSlope(index.AverageLength);
    }

    public IncidentIndex Index { get; }

    public int Terms { get; }

    public int[][] Docs { get; }

    public byte[][] Frequencies { get; }

    public int[] Counts { get; }

    public float[] Weights { get; }

    /// <summary>Each term's list as a bitmap where it is dense (probed in constant time), else null.</summary>
    public DenseRank?[] Dense { get; }

    /// <summary>The sum of the upper bounds of terms 0..i.</summary>
    public float[] Prefix { get; }

    /// <summary>How many postings the query's terms hold in all.</summary>
    public long Postings { get; }

    public float NormSlope { get; }
}
