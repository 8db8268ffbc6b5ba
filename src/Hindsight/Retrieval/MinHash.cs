using System.Runtime.CompilerServices;

namespace Hindsight.Retrieval;

/// <summary>
/// MinHash sketches of a text's character n-grams: <see cref="Size"/> minima under independent hash functions, so the
/// share of equal minima between two sketches estimates the Jaccard similarity of their n-gram sets.
/// </summary>
internal static class MinHash
{
    /// <summary>Minima per sketch.</summary>
    public const int Size = 32;

    /// <summary>Locality-sensitive hashing bands over the sketch (<see cref="Size"/> / <see cref="Bands"/> rows each).</summary>
    public const int Bands = 8;

    private static readonly ulong[] Multipliers = Seeds(0x9E3779B97F4A7C15UL);
    private static readonly ulong[] Offsets = Seeds(0xC2B2AE3D27D4EB4FUL);

    public static void Reset(Span<uint> sketch) => sketch.Fill(uint.MaxValue);

    /// <summary>Adds the character trigrams of one term (padded with boundary marks) to a sketch.</summary>
    public static void AddTrigrams(Span<uint> sketch, ReadOnlySpan<char> term)
    {
        if (term.Length <= 2)
        {
            Add(sketch, Gram('\u0002', term.Length > 0 ? term[0] : '\0', term.Length > 1 ? term[1] : '\u0003'));
            return;
        }

        Add(sketch, Gram('\u0002', term[0], term[1]));
        for (var i = 0; i + 2 < term.Length; i++)
        {
            Add(sketch, Gram(term[i], term[i + 1], term[i + 2]));
        }

        Add(sketch, Gram(term[^2], term[^1], '\u0003'));
    }

    /// <summary>Whether a sketch saw no n-gram at all.</summary>
    public static bool IsEmpty(ReadOnlySpan<uint> sketch) => sketch[0] == uint.MaxValue;

    /// <summary>
    /// Keeps the low 16 bits of each minimum (b-bit MinHash): half the memory, and two different minima agree by chance
    /// once in 65,536, which raises an estimate by (1 − J) / 65,536 on average (a chance agreement raises one pair's
    /// by 1/32). An empty sketch must be noted apart.
    /// </summary>
    public static void Compact(ReadOnlySpan<uint> sketch, Span<ushort> into)
    {
        for (var i = 0; i < Size; i++)
        {
            into[i] = (ushort)sketch[i];
        }
    }

    /// <summary>Estimated Jaccard similarity of a full sketch and a compacted, non-empty one (0 when the full one is empty).</summary>
    public static float Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<ushort> b)
    {
        if (IsEmpty(a))
        {
            return 0;
        }

        var same = 0;
        for (var i = 0; i < Size; i++)
        {
            same += (ushort)a[i] == b[i] ? 1 : 0;
        }

        return same / (float)Size;
    }

    /// <summary>The hash of one band of a sketch, the key of the n-gram index.</summary>
    public static ulong Band(ReadOnlySpan<uint> sketch, int band)
    {
        const int rows = Size / Bands;
        var h = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
        for (var i = band * rows; i < (band + 1) * rows; i++)
        {
            h = Mix(h ^ sketch[i]);
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<uint> sketch, ulong gram)
    {
        for (var i = 0; i < Size; i++)
        {
            var h = (uint)(((gram * Multipliers[i]) + Offsets[i]) >> 32);
            if (h < sketch[i])
            {
                sketch[i] = h;
            }
        }
    }

    private static ulong Gram(char a, char b, char c) => Mix(((ulong)a << 32) | ((ulong)b << 16) | c);

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    private static ulong[] Seeds(ulong seed)
    {
        var values = new ulong[Size];
        var x = seed;
        for (var i = 0; i < Size; i++)
        {
            x = Mix(x + 0x9E3779B97F4A7C15UL);
            values[i] = x | 1;
        }

        return values;
    }
}
