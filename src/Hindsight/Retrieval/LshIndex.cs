namespace Hindsight.Retrieval;

/// <summary>The character n-gram index: documents by the locality-sensitive hash bands of their MinHash sketch.</summary>
internal sealed class LshIndex
{
    private readonly Dictionary<ulong, PostingList> _buckets = [];

    public int BucketCount => _buckets.Count;

    public IEnumerable<KeyValuePair<ulong, PostingList>> Buckets => _buckets;

    public void Add(ulong band, int doc)
    {
        if (!_buckets.TryGetValue(band, out var list))
        {
            _buckets[band] = list = new PostingList(1);
        }

        list.Add(doc, 1);
    }

    public PostingList? Find(ulong band) => _buckets.GetValueOrDefault(band);

    public void Load(ulong band, PostingList list) => _buckets.Add(band, list);

    /// <summary>The postings of every bucket.</summary>
    public long PostingCount => _buckets.Values.Sum(l => (long)l.Count);

    public long Bytes
    {
        get
        {
            long bytes = 0;
            foreach (var list in _buckets.Values)
            {
                bytes += list.Bytes + 24;
            }

            return bytes;
        }
    }

    public void Trim()
    {
        foreach (var list in _buckets.Values)
        {
            list.Trim();
        }
    }
}
