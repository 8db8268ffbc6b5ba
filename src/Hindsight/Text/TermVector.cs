using System.Collections.Concurrent;

namespace Hindsight.Text;

/// <summary>
/// A term-count vector in a compact form for repeated comparison: interned term ids in ascending order with the counts
/// divided by the vector's norm, so that the cosine is one merge of two short arrays — the same value as
/// <see cref="TermCounts.Cosine"/> without hashing a string.
/// </summary>
public sealed class TermVector
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);

    private static int _next;

    private readonly int[] _terms;
    private readonly double[] _weights;

    private TermVector(int[] terms, double[] weights) => (_terms, _weights) = (terms, weights);

    /// <summary>The vector of some term counts.</summary>
    public static TermVector Of(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var pairs = counts.Where(c => c.Value > 0).Select(c => (Id: Ids.GetOrAdd(c.Key, _ => Interlocked.Increment(ref _next)), Count: (double)c.Value)).OrderBy(p => p.Id).ToArray();
        var norm = Math.Sqrt(pairs.Sum(p => p.Count * p.Count));
        return new TermVector([.. pairs.Select(p => p.Id)], [.. pairs.Select(p => norm == 0 ? 0 : p.Count / norm)]);
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
