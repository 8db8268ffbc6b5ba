using System.Runtime.CompilerServices;

namespace Hindsight.Retrieval;

/// <summary>
/// The documents that contain one term, ids ascending, each with its (field-weighted) term frequency.
/// Appends are amortised O(1); ids only grow because documents are numbered in the order they are added.
/// A list loaded from a snapshot may stay encoded (a block of the snapshot's bytes) until it is first read: opening a
/// large index then costs what its queries touch, not every list.
/// </summary>
internal sealed class PostingList
{
    private static readonly Lock OnesLock = new();
    private static readonly Lock[] DecodeLocks = [.. Enumerable.Range(0, 32).Select(_ => new Lock())];
    private static byte[] _ones = Filled(1024);

    private int[] _docs;
    private byte[] _freqs;
    private bool _freqsShared; // every frequency so far is 1: _freqs is the shared array of ones, never written
    private volatile LengthFrontier? _frontier;
    private volatile DenseRank? _dense;
    private volatile byte[]? _encoded; // the snapshot's bytes holding the list until it is decoded; null once decoded
    private int _encodedStart;
    private int _encodedLength;
    private int _documents; // the index's document count when loaded: every id is below it

    public PostingList(int capacity = 2)
    {
        _docs = new int[capacity];
        _freqs = Ones(capacity);
        _freqsShared = true;
    }

    /// <summary>A list as loaded: <paramref name="freqs"/> is ignored (and may be null) when every frequency is 1.</summary>
    internal PostingList(int[] docs, byte[]? freqs, int count, int maxFreq)
    {
        _docs = docs;
        _freqsShared = maxFreq <= 1 || freqs is null;
        _freqs = _freqsShared ? Ones(count) : freqs!;
        Count = count;
        MaxFrequency = maxFreq;
    }

    /// <summary>
    /// A list left encoded in <paramref name="snapshot"/> (<paramref name="length"/> bytes from <paramref name="start"/>,
    /// as <see cref="PostingCodec.Encode"/> wrote them), decoded on first read. The bytes must have been checked (a
    /// damaged block fails its first read with <see cref="InvalidDataException"/>).
    /// </summary>
    internal PostingList(byte[] snapshot, int start, int length, int count, int maxFreq, int documents)
    {
        _docs = [];
        _freqs = [];
        _encodedStart = start;
        _encodedLength = length;
        _documents = documents;
        Count = count;
        MaxFrequency = maxFreq;
        _encoded = snapshot;
    }

    /// <summary>How many documents contain the term (deleted ones included until a rebuild).</summary>
    public int Count { get; private set; }

    /// <summary>The highest frequency in the list, for score upper bounds.</summary>
    public int MaxFrequency { get; private set; }

    public ReadOnlySpan<int> Docs => Decoded()._docs.AsSpan(0, Count);

    /// <summary>The document array itself (valid up to <see cref="Count"/>), for the search loop.</summary>
    internal int[] DocArray => Decoded()._docs;

    /// <summary>The frequency array itself (valid up to <see cref="Count"/>), for the search loop.</summary>
    internal byte[] FrequencyArray => Decoded()._freqs;

    public ReadOnlySpan<byte> Frequencies => Decoded()._freqs.AsSpan(0, Count);

    /// <summary>The list's block as the snapshot holds it, while it is still encoded there; else empty.</summary>
    internal ReadOnlySpan<byte> Encoded => _encoded is { } bytes ? bytes.AsSpan(_encodedStart, _encodedLength) : default;

    /// <summary>
    /// The most this term can add to any document's score for a query weight: exact over the shortest document with
    /// each frequency. The frontier behind it is built on first use and extended as the list grows; concurrent
    /// readers may both extend it, and either result is right.
    /// </summary>
    public float UpperBound(float weight, IncidentIndex index)
    {
        var frontier = _frontier;
        if (frontier is null || frontier.Covered != Count)
        {
            _frontier = frontier = LengthFrontier.Extend(frontier?.Covered <= Count ? frontier : null, this, index);
        }

        return frontier.Bound(weight, Bm25.NormSlope(index.AverageLength));
    }

    /// <summary>
    /// The list as a bitmap with running counts when it holds a large share of the documents (built on first use and
    /// extended as the list grows, like the bounds), else null.
    /// </summary>
    internal DenseRank? Dense()
    {
        var dense = _dense;
        if (dense is not null && dense.Covered == Count)
        {
            return dense;
        }

        var docs = Docs;
        if (docs.IsEmpty || !DenseRank.IsWorthIt(docs.Length, docs[^1]))
        {
            return null;
        }

        return _dense = DenseRank.Extend(dense, docs);
    }

    /// <summary>The bytes the list occupies in memory (its arrays' capacity, and its bitmap once built).</summary>
    public long Bytes => (_encoded is not null ? _encodedLength + ObjectBytes : (_docs.Length * 4L) + (_freqsShared ? 0 : _freqs.Length) + ObjectBytes) + (_dense?.Bytes ?? 0);

    /// <summary>About what the list object itself takes, its arrays apart.</summary>
    internal const int ObjectBytes = 64;

    public void Add(int doc, int frequency)
    {
        Decoded();
        if (Count > 0 && _docs[Count - 1] >= doc)
        {
            // Documents come in order; the same one again is an addition that failed halfway being made again.
            Count = _docs[Count - 1] == doc ? Count - 1 : throw new ArgumentOutOfRangeException(nameof(doc), doc, "documents are added in order");
        }

        if (Count == _docs.Length)
        {
            var grown = Math.Max(4, Count + (Count >> 1));
            Array.Resize(ref _docs, grown);
            if (_freqsShared)
            {
                _freqs = Ones(grown);
            }
            else
            {
                Array.Resize(ref _freqs, grown);
            }
        }

        var f = (byte)Math.Clamp(frequency, 1, 255);
        if (_freqsShared && f != 1)
        {
            _freqs = _freqs.AsSpan(0, _docs.Length).ToArray(); // the first frequency above 1: a copy of its own, all ones so far
            _freqsShared = false;
        }

        _docs[Count] = doc;
        if (!_freqsShared)
        {
            _freqs[Count] = f;
        }

        Count++;
        MaxFrequency = Math.Max(MaxFrequency, f);
    }

    /// <summary>Releases spare capacity (after a bulk load).</summary>
    public void Trim()
    {
        if (_encoded is null && _docs.Length != Count)
        {
            Array.Resize(ref _docs, Count);
            if (!_freqsShared)
            {
                Array.Resize(ref _freqs, Count);
            }
        }
    }

    /// <summary>
    /// This list with its arrays in place: an encoded one is decoded on first use, once, whichever thread gets there
    /// first (readers race only with each other: writers hold the index's write lock).
    /// </summary>
    private PostingList Decoded()
    {
        if (_encoded is null)
        {
            return this;
        }

        lock (DecodeLocks[(uint)RuntimeHelpers.GetHashCode(this) % (uint)DecodeLocks.Length])
        {
            if (_encoded is { } bytes)
            {
                var (docs, freqs) = PostingCodec.DecodeArrays(bytes.AsSpan(_encodedStart, _encodedLength), Count, MaxFrequency, _documents);
                _docs = docs;
                _freqsShared = freqs is null;
                _freqs = freqs ?? Ones(Count);
                _encoded = null; // a volatile write: the arrays above are seen by any thread that sees it null
            }
        }

        return this;
    }

    /// <summary>
    /// The shared array of ones, at least <paramref name="count"/> long: lists whose frequencies are all 1 (most of
    /// them: n-gram bands, services, tags, days, many words) keep no frequency array of their own. Never written; a
    /// longer one replaces it when needed, and lists keep whichever they were given.
    /// </summary>
    private static byte[] Ones(int count)
    {
        var ones = _ones;
        if (ones.Length >= count)
        {
            return ones;
        }

        lock (OnesLock)
        {
            if (_ones.Length < count)
            {
                _ones = Filled(Math.Max(count, _ones.Length * 2));
            }

            return _ones;
        }
    }

    private static byte[] Filled(int count)
    {
        var ones = new byte[count];
        ones.AsSpan().Fill(1);
        return ones;
    }
}
