using System.Text;

namespace Hindsight.Retrieval;

/// <summary>
/// The incidents' ids by document, in one UTF-8 buffer, and the live id → document map as an open-addressing table
/// over it (at most three quarters full): about 35 bytes an incident at a million, where a string and a dictionary
/// entry each took about 90. Documents are numbered in the order their ids are appended; a document is found by its
/// id only while it is listed. A table loaded from a snapshot may list its documents on the first lookup by id
/// (<see cref="ListLater"/>) rather than when it is opened.
/// </summary>
internal sealed class KeyTable
{
    private const long Empty = 0;
    private const long Removed = -1;

    private readonly Lock _listing = new();
    private Func<int, bool>? _listable; // while documents wait to be listed: which of them are
    private volatile int _unlisted; // documents 0 to this wait to be listed on first use

    private byte[] _bytes = new byte[256];
    private int _used;
    private int[] _ends = new int[16];
    private int _documents;
    private long[] _slots = new long[16]; // the id's hash in the high half and document + 1 in the low; Empty or Removed
    private int _taken; // listed and removed slots

    /// <summary>How many documents are listed.</summary>
    public int Count { get; private set; }

    /// <summary>The memory the table occupies.</summary>
    public long Bytes => _bytes.Length + (_ends.Length * 4L) + (_slots.Length * 8L);

    /// <summary>
    /// Sets document <paramref name="doc"/>'s id (not yet listed). Documents are set in order: setting one drops any
    /// set after it (what a failed addition left).
    /// </summary>
    public void Put(int doc, string key)
    {
        var length = Encoding.UTF8.GetByteCount(key);
        Encoding.UTF8.GetBytes(key, Put(doc, length));
    }

    /// <summary>Sets document <paramref name="doc"/>'s id as <paramref name="length"/> UTF-8 bytes, which the caller writes into the span returned.</summary>
    public Span<byte> Put(int doc, int length)
    {
        ListWaiting();
        if (doc < 0 || doc > _documents)
        {
            throw new ArgumentOutOfRangeException(nameof(doc), doc, "documents are set in order");
        }

        _documents = doc;
        _used = doc == 0 ? 0 : _ends[doc - 1];
        if ((long)_used + length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(_bytes.Length * 2L, (long)_used + length)));
        }

        if (_documents == _ends.Length)
        {
            Array.Resize(ref _ends, _documents * 2);
        }

        var at = _used;
        _used += length;
        _ends[_documents++] = _used;
        return _bytes.AsSpan(at, length);
    }

    /// <summary>The ids of documents 0 to <paramref name="documents"/>, their UTF-8 bytes one after another.</summary>
    public ReadOnlySpan<byte> Utf8(int documents) => _bytes.AsSpan(0, documents == 0 ? 0 : _ends[documents - 1]);

    /// <summary>
    /// Takes as they are the ids of documents 0 to <paramref name="documents"/> (none set before): their UTF-8 bytes
    /// one after another, and where each one ends. None is listed.
    /// </summary>
    public void Adopt(byte[] utf8, int[] ends, int documents)
    {
        if (_documents != 0 || ends.Length < documents || (documents > 0 && ends[documents - 1] != utf8.Length))
        {
            throw new ArgumentException("ids are adopted into an empty table, with an end for each");
        }

        _bytes = utf8;
        _ends = ends;
        _documents = documents;
        _used = utf8.Length;
    }

    /// <summary>The id of a document.</summary>
    public string KeyOf(int doc) => Encoding.UTF8.GetString(Utf8Of(doc));

    /// <summary>The id of a document in UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8Of(int doc)
    {
        var start = doc == 0 ? 0 : _ends[doc - 1];
        return _bytes.AsSpan(start, _ends[doc] - start);
    }

    /// <summary>The listed document with this id, or −1.</summary>
    public int Find(string key)
    {
        ListWaiting();
        var slot = SlotOf(key);
        return slot >= 0 ? DocOf(_slots[slot]) : -1;
    }

    /// <summary>Makes room to list <paramref name="count"/> documents without growing on the way (when loading many).</summary>
    public void Expect(int count)
    {
        if ((count + 1) * 4L > _slots.Length * 3L)
        {
            Rehash(count);
        }
    }

    /// <summary>
    /// Lists documents 0 to <paramref name="documents"/> that pass <paramref name="listable"/> when the table is first
    /// searched or changed (each had its id put, and no two listable ones share an id): opening a large
    /// index then costs no hashing of every id. <see cref="Count"/> is theirs at once.
    /// </summary>
    public void ListLater(int documents, Func<int, bool> listable)
    {
        var count = 0;
        for (var d = 0; d < documents; d++)
        {
            count += listable(d) ? 1 : 0;
        }

        _listable = listable;
        Count = count;
        _unlisted = documents;
    }

    /// <summary>Lists a document under its id, in place of any document listed under the same id.</summary>
    public void List(int doc)
    {
        ListWaiting();
        if (Insert(doc))
        {
            Count++;
        }
    }

    /// <summary>Lists the documents <see cref="ListLater"/> left, once, whichever reader or writer comes first.</summary>
    private void ListWaiting()
    {
        if (_unlisted == 0)
        {
            return;
        }

        lock (_listing)
        {
            var documents = _unlisted;
            if (documents == 0)
            {
                return;
            }

            Expect(Count);
            var listed = 0;
            for (var d = 0; d < documents; d++)
            {
                if (_listable!(d) && Insert(d))
                {
                    listed++;
                }
            }

            Count = listed; // as counted before, unless two shared an id (only a damaged snapshot has that)
            _listable = null;
            _unlisted = 0; // a volatile write: whoever sees it sees the slots filled
        }
    }

    /// <summary>Puts a document in the slots; returns whether its id was not listed before.</summary>
    private bool Insert(int doc)
    {
        if ((_taken + 1) * 4L > _slots.Length * 3L)
        {
            Rehash(Count + 1);
        }

        var key = Utf8Of(doc);
        var hash = Hash(key);
        var entry = ((long)hash << 32) | (uint)(doc + 1);
        var mask = _slots.Length - 1;
        var free = -1;
        for (var at = hash & mask; ; at = (at + 1) & mask)
        {
            var slot = _slots[at];
            if (slot == Empty)
            {
                if (free < 0)
                {
                    free = at;
                    _taken++;
                }

                _slots[free] = entry;
                return true;
            }

            if (slot == Removed)
            {
                free = free < 0 ? at : free;
            }
            else if ((int)(slot >> 32) == hash && Utf8Of(DocOf(slot)).SequenceEqual(key))
            {
                _slots[at] = entry; // the same id listed again: the newer document replaces it
                return false;
            }
        }
    }

    /// <summary>Unlists the document with this id; returns it, or −1 when none was listed.</summary>
    public int Unlist(string key)
    {
        ListWaiting();
        var slot = SlotOf(key);
        if (slot < 0)
        {
            return -1;
        }

        var doc = DocOf(_slots[slot]);
        _slots[slot] = Removed;
        Count--;
        return doc;
    }

    private int SlotOf(string key)
    {
        var length = Encoding.UTF8.GetByteCount(key);
        var large = length <= 256 ? null : new byte[length];
        Span<byte> utf8 = large ?? stackalloc byte[256];
        utf8 = utf8[..Encoding.UTF8.GetBytes(key, utf8)];
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var at = hash & mask; ; at = (at + 1) & mask)
        {
            var slot = _slots[at];
            if (slot == Empty)
            {
                return -1;
            }

            if (slot != Removed && (int)(slot >> 32) == hash && Utf8Of(DocOf(slot)).SequenceEqual(utf8))
            {
                return at;
            }
        }
    }

    /// <summary>Rebuilds the slots for <paramref name="count"/> listed documents at under half full.</summary>
    private void Rehash(int count)
    {
        var old = _slots;
        var size = 16;
        while (size < (Math.Max(count, Count) + 1) * 2L)
        {
            size *= 2;
        }

        _slots = new long[size];
        _taken = 0;
        var mask = size - 1;
        foreach (var slot in old)
        {
            if (slot > 0)
            {
                var at = (int)(slot >> 32) & mask;
                while (_slots[at] != Empty)
                {
                    at = (at + 1) & mask;
                }

                _slots[at] = slot;
                _taken++;
            }
        }
    }

    private static int DocOf(long slot) => (int)(uint)slot - 1;

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }
}
