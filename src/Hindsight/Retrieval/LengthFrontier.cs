namespace Hindsight.Retrieval;

/// <summary>
/// For one posting list, the shortest document length seen with each term frequency: the few (frequency, length)
/// pairs that can give the term its highest BM25 contribution. The bound it yields is exact for the postings it
/// covers, where the bound from the highest frequency and the shortest document anywhere is loose.
/// Immutable: a list publishes a new one when it has grown.
/// </summary>
internal sealed class LengthFrontier
{
    private readonly ushort[] _shortest; // by frequency; 0 = no posting with that frequency

    private LengthFrontier(ushort[] shortest, int covered)
    {
        _shortest = shortest;
        Covered = covered;
    }

    /// <summary>How many postings (from the start of the list) the frontier accounts for.</summary>
    public int Covered { get; }

    /// <summary>The frontier of <paramref name="list"/>, extended from <paramref name="previous"/> over the postings added since.</summary>
    public static LengthFrontier Extend(LengthFrontier? previous, PostingList list, IncidentIndex index)
    {
        var shortest = new ushort[list.MaxFrequency + 1];
        previous?._shortest.CopyTo(shortest, 0);
        var docs = list.Docs;
        var frequencies = list.Frequencies;
        for (var k = previous?.Covered ?? 0; k < docs.Length; k++)
        {
            var length = (ushort)index.LengthOf(docs[k]);
            ref var kept = ref shortest[frequencies[k]];
            if (kept == 0 || length < kept)
            {
                kept = length;
            }
        }

        return new LengthFrontier(shortest, docs.Length);
    }

    /// <summary>The highest contribution any covered posting can make, for a term of this query weight.</summary>
    public float Bound(float weight, float normSlope)
    {
        var best = 0f;
        for (var f = 1; f < _shortest.Length; f++)
        {
            if (_shortest[f] != 0)
            {
                best = Math.Max(best, Bm25.Term(weight, f, Bm25.NormBase + (normSlope * _shortest[f])));
            }
        }

        return best;
    }
}
