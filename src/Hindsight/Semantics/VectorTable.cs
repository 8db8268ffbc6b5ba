namespace Hindsight.Semantics;

/// <summary>
/// Sentence vectors by document id, quantised to one signed byte per dimension with a scale per vector
/// (dimensions + 4 bytes each; the cosine moves by well under 0.01), and the hash of the text each was computed from.
/// Held in chunks, so a million vectors never need one contiguous array. Not thread-safe (the index's lock guards it).
/// </summary>
internal sealed class VectorTable
{
    /// <summary>The hash of a document whose text hash is not known (read from a snapshot written before vectors).</summary>
    public const uint Unknown = EmbeddingText.UnknownHash;

    private const int ChunkDocs = 4096;
    private readonly List<sbyte[]> _chunks = [];
    private uint[] _hashes = new uint[16];
    private float[] _scales = new float[16];
    private int _firstPending;

    /// <summary>The vectors' length; 0 until the first is set.</summary>
    public int Dimensions { get; private set; }

    /// <summary>How many documents hold a vector.</summary>
    public int Embedded { get; private set; }

    /// <summary>How many documents have text to embed (with a vector or waiting for one).</summary>
    public int Embeddable { get; private set; }

    /// <summary>The hash of the text a document's vector is (to be) computed from; 0 when it has none to embed.</summary>
    public uint HashOf(int doc) => doc < _hashes.Length ? _hashes[doc] : 0;

    /// <summary>Whether a document holds a vector.</summary>
    public bool Has(int doc) => doc < _scales.Length && _scales[doc] > 0;

    /// <summary>Records the text hash of a new document (no vector yet).</summary>
    public void Track(int doc, uint hash)
    {
        Grow(doc + 1);
        Clear(doc);
        _hashes[doc] = hash;
        Embeddable += hash != 0 ? 1 : 0;
        if (hash != 0)
        {
            _firstPending = Math.Min(_firstPending, doc);
        }
    }

    /// <summary>Forgets a document's vector (it was removed).</summary>
    public void Clear(int doc)
    {
        if (Has(doc))
        {
            _scales[doc] = 0;
            Embedded--;
        }

        if (doc < _hashes.Length && _hashes[doc] != 0)
        {
            _hashes[doc] = 0;
            Embeddable--;
        }
    }

    /// <summary>Counts again after the hashes were filled in directly (<see cref="Hashes"/>), skipping deleted documents.</summary>
    public void Recount(int count, Func<int, bool> live)
    {
        Embeddable = 0;
        for (var doc = 0; doc < Math.Min(count, _hashes.Length); doc++)
        {
            if (_hashes[doc] != 0 && !live(doc))
            {
                _hashes[doc] = 0;
            }

            Embeddable += _hashes[doc] != 0 ? 1 : 0;
        }
    }

    /// <summary>Copies a vector to the new document id of an incident whose text did not change (the old one is cleared next).</summary>
    public void Copy(int from, int to)
    {
        if (!Has(from) || Dimensions == 0)
        {
            return;
        }

        Slice(from).CopyTo(Slice(to));
        Embedded += Has(to) ? 0 : 1;
        _scales[to] = _scales[from];
    }

    /// <summary>Whether a vector computed from text of hash <paramref name="hash"/> belongs to a document.</summary>
    public bool Matches(int doc, uint hash) => hash != 0 && (HashOf(doc) == hash || HashOf(doc) == Unknown);

    /// <summary>
    /// Stores a unit vector for a document, quantised, computed from text of hash <paramref name="hash"/>; false (and
    /// nothing stored) for a vector of zeros or of non-finite values.
    /// </summary>
    public bool Set(int doc, uint hash, ReadOnlySpan<float> vector)
    {
        if (Dimensions == 0)
        {
            Dimensions = vector.Length;
        }
        else if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"expected a vector of {Dimensions} dimensions, got {vector.Length}", nameof(vector));
        }

        var max = 0f;
        foreach (var v in vector)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        if (max == 0 || !float.IsFinite(max))
        {
            return false;
        }

        var scale = max / 127f;
        _hashes[doc] = hash;
        var target = Slice(doc);
        for (var i = 0; i < vector.Length; i++)
        {
            target[i] = (sbyte)Math.Round(vector[i] / scale);
        }

        Embedded += Has(doc) ? 0 : 1;
        _scales[doc] = scale;
        return true;
    }

    /// <summary>Stores a vector already quantised (read back from a file), computed from text of hash <paramref name="hash"/>.</summary>
    public void SetQuantised(int doc, uint hash, ReadOnlySpan<sbyte> values, float scale)
    {
        if ((Dimensions != 0 && values.Length != Dimensions) || values.IsEmpty || !(scale > 0) || !float.IsFinite(scale))
        {
            return;
        }

        Dimensions = values.Length;
        _hashes[doc] = hash;
        values.CopyTo(Slice(doc));
        Embedded += Has(doc) ? 0 : 1;
        _scales[doc] = scale;
    }

    /// <summary>A document's quantised vector and scale (only when <see cref="Has"/>).</summary>
    public (ReadOnlyMemory<sbyte> Values, float Scale) Quantised(int doc) =>
        (_chunks[doc / ChunkDocs].AsMemory(doc % ChunkDocs * Dimensions, Dimensions), _scales[doc]);

    /// <summary>The dot product of a document's vector and <paramref name="query"/> (its cosine, both being unit vectors); 0 without a vector.</summary>
    public float Dot(int doc, ReadOnlySpan<float> query)
    {
        if (!Has(doc) || query.Length != Dimensions)
        {
            return 0;
        }

        var values = Slice(doc);
        var sum = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i] * query[i];
        }

        return sum * _scales[doc];
    }

    /// <summary>A document's vector, back in floating point; null without one.</summary>
    public float[]? Vector(int doc)
    {
        if (!Has(doc))
        {
            return null;
        }

        var values = Slice(doc);
        var vector = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            vector[i] = values[i] * _scales[doc];
        }

        return vector;
    }

    /// <summary>Up to <paramref name="max"/> documents below <paramref name="count"/> that have text to embed and no vector, lowest first.</summary>
    public List<int> Pending(int count, int max, Func<int, bool> live)
    {
        var pending = new List<int>();
        var first = -1;
        for (var doc = _firstPending; doc < Math.Min(count, _hashes.Length) && pending.Count < max; doc++)
        {
            if (_hashes[doc] != 0 && !Has(doc) && live(doc))
            {
                first = first < 0 ? doc : first;
                pending.Add(doc);
            }
        }

        _firstPending = first >= 0 ? first : Math.Min(count, _hashes.Length);
        return pending;
    }

    /// <summary>The text hashes of the first <paramref name="count"/> documents, to save or to fill when loading.</summary>
    public Span<uint> Hashes(int count)
    {
        Grow(count);
        return _hashes.AsSpan(0, count);
    }

    private Span<sbyte> Slice(int doc)
    {
        var chunk = doc / ChunkDocs;
        while (_chunks.Count <= chunk)
        {
            _chunks.Add(new sbyte[ChunkDocs * Dimensions]);
        }

        return _chunks[chunk].AsSpan(doc % ChunkDocs * Dimensions, Dimensions);
    }

    private void Grow(int needed)
    {
        if (needed <= _hashes.Length)
        {
            return;
        }

        var size = Math.Max(needed, _hashes.Length * 2);
        Array.Resize(ref _hashes, size);
        Array.Resize(ref _scales, size);
    }
}
