namespace Hindsight.Retrieval;

/// <summary>
/// The distinct terms of one text with their weighted frequencies, kept in one character buffer and found again by
/// an open-addressing hash: analysing an incident makes no string per term. Reused (one per thread), it allocates
/// only while it grows; <see cref="Pack"/> copies out what the index needs.
/// </summary>
internal sealed class TermTable
{
    private char[] _chars = new char[1024];
    private int _used;
    private int[] _ends = new int[64];
    private int[] _frequencies = new int[64];
    private int _count;
    private int[] _slots = new int[128]; // term number + 1; 0 is empty

    /// <summary>How many distinct terms the table holds.</summary>
    public int Count => _count;

    /// <summary>Empties the table, keeping its buffers.</summary>
    public void Clear()
    {
        if (_slots.Length > 4_096)
        {
            _slots = new int[128]; // one huge text does not make every later clear as costly
            _chars = new char[1024];
            _ends = new int[64];
            _frequencies = new int[64];
        }
        else
        {
            Array.Clear(_slots);
        }

        _used = 0;
        _count = 0;
    }

    /// <summary>Counts <paramref name="weight"/> more occurrences of <paramref name="term"/>.</summary>
    public void Add(ReadOnlySpan<char> term, int weight)
    {
        var mask = _slots.Length - 1;
        for (var at = string.GetHashCode(term) & mask; ; at = (at + 1) & mask)
        {
            var slot = _slots[at];
            if (slot == 0)
            {
                _slots[at] = Append(term) + 1;
                _frequencies[_count - 1] = weight;
                if (_count * 2 > _slots.Length)
                {
                    Rehash();
                }

                return;
            }

            if (Term(slot - 1).SequenceEqual(term))
            {
                _frequencies[slot - 1] += weight;
                return;
            }
        }
    }

    /// <summary>The terms in the order first added, as one buffer with each term's end, and their frequencies.</summary>
    public (char[] Chars, int[] Ends, int[] Frequencies) Pack() =>
        (_chars.AsSpan(0, _used).ToArray(), _ends.AsSpan(0, _count).ToArray(), _frequencies.AsSpan(0, _count).ToArray());

    private ReadOnlySpan<char> Term(int n)
    {
        var start = n == 0 ? 0 : _ends[n - 1];
        return _chars.AsSpan(start, _ends[n] - start);
    }

    private int Append(ReadOnlySpan<char> term)
    {
        if (_used + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + term.Length));
        }

        if (_count == _ends.Length)
        {
            Array.Resize(ref _ends, _count * 2);
            Array.Resize(ref _frequencies, _count * 2);
        }

        term.CopyTo(_chars.AsSpan(_used));
        _used += term.Length;
        _ends[_count] = _used;
        return _count++;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var n = 0; n < _count; n++)
        {
            var at = string.GetHashCode(Term(n)) & mask;
            while (_slots[at] != 0)
            {
                at = (at + 1) & mask;
            }

            _slots[at] = n + 1;
        }
    }
}
