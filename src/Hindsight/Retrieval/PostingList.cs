namespace Hindsight.Retrieval;

/// <summary>
/// The documents that contain one term, ids ascending, each with its (field-weighted) term frequency.
/// Appends are amortised O(1); ids only grow because documents are numbered in the order they are added.
/// </summary>
internal sealed class PostingList
{
    private static readonly Lock OnesLock = new();
    private static byte[] _ones = Filled(1024);

    private int[] _docs;
    private byte[] _freqs;
    private bool _freqsShared; // every frequency so far is 1: _freqs is the shared array of ones, never written
    private volatile LengthFrontier? _frontier;

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

    /// <summary>How many documents contain the term (deleted ones included until a rebuild).</summary>
    public int Count { get; private set; }

    /// <summary>The highest frequency in the list, for score upper bounds.</summary>
    public int MaxFrequency { get; private set; }

    public ReadOnlySpan<int> Docs => _docs.AsSpan(0, Count);

    /// <summary>The document array itself (valid up to <see cref="Count"/>), for the search loop.</summary>
    internal int[] DocArray => _docs;

    /// <summary>The frequency array itself (valid up to <see cref="Count"/>), for the search loop.</summary>
    internal byte[] FrequencyArray => _freqs;

    public ReadOnlySpan<byte> Frequencies => _freqs.AsSpan(0, Count);

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

    /// <summary>The bytes the list occupies in memory (its arrays' capacity).</summary>
    public long Bytes => (_docs.Length * 4L) + (_freqsShared ? 0 : _freqs.Length) + 32;

    public void Add(int doc, int frequency)
    {
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
        if (_docs.Length != Count)
        {
            Array.Resize(ref _docs, Count);
            if (!_freqsShared)
            {
                Array.Resize(ref _freqs, Count);
            }
        }
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
