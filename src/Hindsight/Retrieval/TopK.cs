namespace Hindsight.Retrieval;

/// <summary>The k best (score, document) pairs seen so far: a min-heap whose root is the score to beat.</summary>
internal sealed class TopK
{
    private readonly float[] _scores;
    private readonly int[] _docs;

    public TopK(int k)
    {
        _scores = new float[Math.Max(1, k)];
        _docs = new int[Math.Max(1, k)];
    }

    public int Count { get; private set; }

    /// <summary>How many pairs it keeps (the k).</summary>
    public int Capacity => _scores.Length;

    public bool IsFull => Count == _scores.Length;

    /// <summary>The lowest score kept, or 0 while the heap is not yet full.</summary>
    public float Threshold => IsFull ? _scores[0] : 0;

    public void Clear() => Count = 0;

    public void Offer(int doc, float score)
    {
        if (Count < _scores.Length)
        {
            var i = Count++;
            _scores[i] = score;
            _docs[i] = doc;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (_scores[parent] <= _scores[i])
                {
                    break;
                }

                Swap(i, parent);
                i = parent;
            }
        }
        else if (score > _scores[0])
        {
            _scores[0] = score;
            _docs[0] = doc;
            var i = 0;
            while (true)
            {
                int l = (2 * i) + 1, r = l + 1, m = i;
                if (l < Count && _scores[l] < _scores[m])
                {
                    m = l;
                }

                if (r < Count && _scores[r] < _scores[m])
                {
                    m = r;
                }

                if (m == i)
                {
                    break;
                }

                Swap(i, m);
                i = m;
            }
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public (int Doc, float Score)[] Drain()
    {
        var result = new (int, float)[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = (_docs[i], _scores[i]);
        }

        Array.Sort(result, (a, b) => b.Item2.CompareTo(a.Item2) is var c && c != 0 ? c : a.Item1.CompareTo(b.Item1));
        Count = 0;
        return result;
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_docs[a], _docs[b]) = (_docs[b], _docs[a]);
    }
}
