using System.Numerics;
using System.Runtime.CompilerServices;

namespace Hindsight.Retrieval;

/// <summary>
/// A dense posting list's documents as a bitmap with running counts, so a search can ask where a document sits in the
/// list (or that it is absent) in constant time instead of seeking through the list. Worth it only for lists that hold
/// a large share of the documents (<see cref="IsWorthIt"/>): they are the ones searched most often and seeked furthest.
/// Immutable: a list publishes a new one when it has grown.
/// </summary>
internal sealed class DenseRank
{
    private const int WordsPerCount = 4; // one running count per 256 documents

    private readonly ulong[] _bits;
    private readonly int[] _before; // set bits before each group of WordsPerCount words

    private DenseRank(ulong[] bits, int[] before, int covered)
    {
        _bits = bits;
        _before = before;
        Covered = covered;
    }

    /// <summary>How many postings (from the start of the list) the bitmap accounts for.</summary>
    public int Covered { get; }

    /// <summary>The bytes the bitmap and its counts take.</summary>
    public long Bytes => (_bits.Length * 8L) + (_before.Length * 4L);

    /// <summary>Whether a list of <paramref name="count"/> documents, the last <paramref name="lastDoc"/>, is dense enough: at least one in thirty-two.</summary>
    public static bool IsWorthIt(int count, int lastDoc) => count >= 1024 && (long)count * 32 >= lastDoc + 1L;

    /// <summary>The bitmap of <paramref name="docs"/> (ascending), extended from <paramref name="previous"/> over the documents added since.</summary>
    public static DenseRank Extend(DenseRank? previous, ReadOnlySpan<int> docs)
    {
        var words = docs.IsEmpty ? 0 : (docs[^1] >> 6) + 1;
        var bits = new ulong[words];
        var from = 0;
        if (previous is not null && previous.Covered <= docs.Length)
        {
            previous._bits.CopyTo(bits, 0);
            from = previous.Covered;
        }

        foreach (var doc in docs[from..])
        {
            bits[doc >> 6] |= 1UL << doc;
        }

        var before = new int[(words + WordsPerCount - 1) / WordsPerCount];
        var running = 0;
        for (var w = 0; w < words; w++)
        {
            if (w % WordsPerCount == 0)
            {
                before[w / WordsPerCount] = running;
            }

            running += BitOperations.PopCount(bits[w]);
        }

        return new DenseRank(bits, before, docs.Length);
    }

    /// <summary>Where <paramref name="doc"/> sits in the list, or -1 when the list does not hold it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PositionOf(int doc)
    {
        var w = doc >> 6;
        if ((uint)w >= (uint)_bits.Length)
        {
            return -1;
        }

        var word = _bits[w];
        var bit = 1UL << doc;
        if ((word & bit) == 0)
        {
            return -1;
        }

        var position = _before[w / WordsPerCount] + BitOperations.PopCount(word & (bit - 1));
        for (var k = w & ~(WordsPerCount - 1); k < w; k++)
        {
            position += BitOperations.PopCount(_bits[k]);
        }

        return position;
    }
}
