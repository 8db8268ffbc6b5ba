using System.Collections.Concurrent;

namespace Hindsight.Text;

/// <summary>
/// A term-count vector in a compact form for repeated comparison: interned term ids in ascending order with the counts
/// divided by the vector's norm, so that the cosine is one merge of two short arrays — the same value as
/// <see cref="TermCounts.Cosine"/> without hashing a string.
/// </summary>
public sealed class TermVector
{
    private const int ChunkBits = 16;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);

    private static readonly Lock Gate = new();

    /// <summary>Each id's term, in chunks: a reader that holds an id finds its term without a lock.</summary>
    private static string[]?[] _names = new string[]?[64];

    private static int _next;

    private readonly int[] _terms;
    private readonly double[] _weights;
    private readonly double _norm;
    private readonly int[] _ranks; // each term's place in the counts it was made from (their text order)

    private TermVector(int[] terms, double[] weights, double norm, int[] ranks) => (_terms, _weights, _norm, _ranks) = (terms, weights, norm, ranks);

    /// <summary>The vector of some term counts.</summary>
    public static TermVector Of(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var pairs = counts.Where(c => c.Value > 0).Select((c, rank) => (Id: IdOf(c.Key), Count: (double)c.Value, Rank: rank)).OrderBy(p => p.Id).ToArray();
        var norm = Math.Sqrt(pairs.Sum(p => p.Count * p.Count));
        return new TermVector([.. pairs.Select(p => p.Id)], [.. pairs.Select(p => norm == 0 ? 0 : p.Count / norm)], norm, [.. pairs.Select(p => p.Rank)]);
    }

    /// <summary>
    /// The positive term counts the vector was made of, in the order they were given (for an analysed text, the order
    /// the terms first appear in it), each term the one instance every vector shares; a new array the caller may change.
    /// </summary>
    public (string Term, int Count)[] Counts()
    {
        var names = Volatile.Read(ref _names);
        var terms = new (string Term, int Count)[_terms.Length];
        for (var n = 0; n < terms.Length; n++)
        {
            terms[_ranks[n]] = (names[_terms[n] >> ChunkBits]![_terms[n] & ((1 << ChunkBits) - 1)], (int)Math.Round(_weights[n] * _norm));
        }

        return terms;
    }

    /// <summary>A term's id, given once per term for the process's lifetime (its text kept once, for <see cref="Counts"/>).</summary>
    private static int IdOf(string term)
    {
        if (Ids.TryGetValue(term, out var id))
        {
            return id;
        }

        lock (Gate)
        {
            if (Ids.TryGetValue(term, out id))
            {
                return id;
            }

            id = _next++;
            var chunk = id >> ChunkBits;
            if (chunk == _names.Length)
            {
                var grown = new string[]?[_names.Length * 2];
                Array.Copy(_names, grown, _names.Length);
                Volatile.Write(ref _names, grown);
            }

            (_names[chunk] ??= new string[1 << ChunkBits])[id & ((1 << ChunkBits) - 1)] = term;
            Ids[term] = id; // published last: whoever reads the id finds its term
            return id;
        }
    }

    /// <summary>Compares vectors by their terms and weights: equal vectors have the same cosine with any other.</summary>
    internal static IEqualityComparer<TermVector> SameContent { get; } = new ContentComparer();

    /// <summary>Cosine similarity (0–1; 0 when either is empty).</summary>
    public double Cosine(TermVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double dot = 0;
        int a = 0, b = 0;
        while (a < _terms.Length && b < other._terms.Length)
        {
            var (x, y) = (_terms[a], other._terms[b]);
            if (x == y)
            {
                dot += _weights[a++] * other._weights[b++];
            }
            else if (x < y)
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return dot;
    }

    private sealed class ContentComparer : IEqualityComparer<TermVector>
    {
        public bool Equals(TermVector? x, TermVector? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x._terms.AsSpan().SequenceEqual(y._terms) && x._weights.AsSpan().SequenceEqual(y._weights));

        public int GetHashCode(TermVector obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj._terms.AsSpan()));
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj._weights.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
