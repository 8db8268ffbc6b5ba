using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Hindsight.Semantics;

namespace Hindsight.Retrieval;

public sealed partial class IncidentIndex
{
    private const int SnapshotVersion = 6;

    /// <summary>The version before the postings were left encoded until used (and checked by a checksum), read still.</summary>
    private const int WithCompactPostings = 5;

    /// <summary>The version before compact postings and sketches (every id, frequency and sketch minimum in full), read still.</summary>
    private const int WithFullPostings = 3;

    /// <summary>The version before sentence vectors, read still: its incidents' text hashes are learnt when their vectors are computed.</summary>
    private const int WithoutTextHashes = 2;

    /// <summary>The longest id a snapshot may hold, in UTF-8 bytes (ids are at most a few hundred characters).</summary>
    private const int MaxIdBytes = 1 << 16;
    private static readonly byte[] Magic = "HSIX"u8.ToArray();

    /// <summary>Writes the whole index to <paramref name="stream"/>; <see cref="Load"/> reads it back without re-analysing anything.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(SnapshotVersion);
        w.Write(Revision);
        w.Write(Checked is not null);
        w.Write(Checked?.RestoreMark ?? 0);
        w.Write(Checked?.Revision ?? 0);
        w.Write(Checked?.DocumentHash ?? 0);
        w.Write(DocumentCount);
        w.Write(_totalLength);
        var n = DocumentCount;
        var ids = _ids.Utf8(n); // every id's UTF-8 bytes one after another, then each one's length
        w.Write((long)ids.Length);
        w.Write(ids);
        var lengthBytes = 0;
        for (var d = 0; d < n; d++)
        {
            lengthBytes += VarintLength(_ids.Utf8Of(d).Length);
        }

        w.Write(lengthBytes);
        for (var d = 0; d < n; d++)
        {
            w.Write7BitEncodedInt(_ids.Utf8Of(d).Length);
        }

        Write(w, _lengths.AsSpan(0, n));
        Write(w, _severity.AsSpan(0, n));
        Write(w, _started.AsSpan(0, n));
        Write(w, _resolveMinutes.AsSpan(0, n));
        Write(w, _flags.AsSpan(0, n));
        w.Write(_poolCount); // each document's fields in order, each a count and that many ids: the offsets follow from it
        var poolBytes = 0;
        for (var i = 0; i < _poolCount; i++)
        {
            poolBytes += VarintLength(_pool[i]);
        }

        w.Write(poolBytes);
        for (var i = 0; i < _poolCount; i++)
        {
            w.Write7BitEncodedInt(_pool[i]);
        }

        Write(w, (ReadOnlySpan<ushort>)_sketches.AsSpan(0, n * MinHash.Size));
        Write(w, (ReadOnlySpan<uint>)Vectors.Hashes(n));

        // The postings, to the end but for their checksum: loading keeps them as they are and decodes a list when a
        // query first reads it, so the checksum is what finds damage in them.
        var postings = new ChecksumStream(stream);
        using (var p = new BinaryWriter(postings, Encoding.UTF8, leaveOpen: true))
        {
            var block = new byte[256];
            foreach (var index in new[] { Words, Services, Tags, Signatures, Days })
            {
                p.Write(index.TermCount);
                for (var t = 0; t < index.TermCount; t++)
                {
                    p.Write(index.Term(t));
                    WriteList(p, index.Postings(t), ref block);
                }
            }

            p.Write(NGrams.BucketCount);
            foreach (var (band, list) in NGrams.Buckets)
            {
                p.Write(band);
                WriteList(p, list, ref block);
            }
        }

        w.Write(postings.Checksum);
    }

    private static int VarintLength(int value) => value switch
    {
        < 0 => 5,
        < 1 << 7 => 1,
        < 1 << 14 => 2,
        < 1 << 21 => 3,
        < 1 << 28 => 4,
        _ => 5,
    };

    /// <summary>Reads an index written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> when the data is not one.</summary>
    public static IncidentIndex Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var magic = r.ReadBytes(4).AsSpan().SequenceEqual(Magic);
            var version = magic ? r.ReadInt32() : 0;
            if (version is not (SnapshotVersion or WithCompactPostings or WithFullPostings or WithoutTextHashes))
            {
                throw new InvalidDataException("not an index snapshot of this version");
            }

            var index = new IncidentIndex();
            index.Advance(r.ReadInt64());
            if (version == SnapshotVersion)
            {
                var known = r.ReadBoolean();
                var check = new StoreCheck(r.ReadInt64(), r.ReadInt64(), r.ReadUInt64());
                index.Checked = known ? check : null;
            }

            var n = r.ReadInt32();
            Expect(n >= 0 && n <= Remaining(r), "its document count");
            index._totalLength = r.ReadInt64();
            index.Grow(n + 1);
            var current = version == SnapshotVersion;
            byte[] ids = [], idLengths = [], pool = [], postings = [];
            if (current)
            {
                ids = ReadBlock(r, r.ReadInt64(), 0, "the size of its ids");
                idLengths = ReadBlock(r, r.ReadInt32(), n, "the size of its ids' lengths");
            }
            else
            {
                var left = Remaining(r); // asked once: each ask is a system call
                for (var d = 0; d < n; d++)
                {
                    var length = r.Read7BitEncodedInt();
                    Expect(length >= 0 && length <= Math.Min(left, MaxIdBytes), "an id's length");
                    var id = index._ids.Put(d, length);
                    r.BaseStream.ReadExactly(id);
                    Expect(Utf8.IsValid(id), "an id");
                }
            }

            Read(r, index._lengths.AsSpan(0, n));
            Read(r, index._severity.AsSpan(0, n));
            Read(r, index._started.AsSpan(0, n));
            Read(r, index._resolveMinutes.AsSpan(0, n));
            Read(r, index._flags.AsSpan(0, n));
            if (version >= WithCompactPostings)
            {
                index._poolCount = r.ReadInt32();
                Expect(index._poolCount >= 0 && index._poolCount <= Remaining(r), "the size of its document fields");
                index._pool = new int[Math.Max(64, index._poolCount)];
                if (current)
                {
                    pool = ReadBlock(r, r.ReadInt32(), index._poolCount, "the size of its document fields");
                }
                else
                {
                    for (var i = 0; i < index._poolCount; i++)
                    {
                        index._pool[i] = r.Read7BitEncodedInt();
                    }
                }

                Read(r, index._sketches.AsSpan(0, n * MinHash.Size));
            }
            else
            {
                Read(r, index._forward.AsSpan(0, n + 1)); // the same as the pool gives, worked out again below
                index._poolCount = r.ReadInt32();
                Expect(index._poolCount >= 0 && index._poolCount <= Remaining(r), "the size of its document fields");
                index._pool = new int[Math.Max(64, index._poolCount)];
                Read(r, index._pool.AsSpan(0, index._poolCount));
                index.ReadFullSketches(r, n);
            }

            if (version == WithoutTextHashes)
            {
                index.Vectors.Hashes(n).Fill(VectorTable.Unknown); // learnt from the store when each vector is computed
            }
            else
            {
                Read(r, index.Vectors.Hashes(n));
            }

            int[] highest = [];
            if (current)
            {
                // Everything is read: the ids, the document fields and the postings are worked out side by side.
                postings = ReadRest(r.BaseStream);
                Parallel.Invoke(
                    () => index.DecodeIds(ids, idLengths, n),
                    () => highest = index.DecodePool(pool, n),
                    () => index.ReadEncodedPostings(postings, n));
            }
            else
            {
                highest = index.WalkPool(n);
                index.ReadPostings(r, version == WithCompactPostings, n);
            }

            var fields = new[] { index.Services, index.Tags, index.Signatures };
            for (var f = 0; f < fields.Length; f++)
            {
                Expect(highest[f] < fields[f].TermCount, "a document's field id");
            }

            index.DocumentCount = n;
            index._ids.ListLater(n, d => !index.IsDeleted(d)); // on the first lookup by id: a search needs none
            index.Vectors.Recount(n, d => !index.IsDeleted(d));

            return index;
        }
        catch (Exception ex) when ((ex is AggregateException all ? all.InnerExceptions.Select(Invalid).FirstOrDefault(e => e is not null) : Invalid(ex)) is { } invalid)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invalid); // the parts worked out side by side fail as one
            throw;
        }
    }

    /// <summary>What a failure to read a snapshot means to its caller: invalid data, or null when it is not about the data.</summary>
    private static InvalidDataException? Invalid(Exception ex) => ex switch
    {
        InvalidDataException invalid => invalid,
        EndOfStreamException => new InvalidDataException("the index snapshot is truncated", ex),
        FormatException or ArgumentException or OverflowException or IndexOutOfRangeException =>
            new InvalidDataException("the index snapshot is damaged", ex), // a count or an id that no index could hold
        _ => null,
    };

    /// <summary>Throws <see cref="InvalidDataException"/> naming <paramref name="what"/> unless <paramref name="holds"/>.</summary>
    private static void Expect(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidDataException($"the index snapshot is damaged: {what} cannot be right");
        }
    }

    /// <summary>The bytes left to read, or as many as a count could need when the stream cannot say.</summary>
    private static long Remaining(BinaryReader r) => r.BaseStream.CanSeek ? r.BaseStream.Length - r.BaseStream.Position : long.MaxValue;

    /// <summary>A block of <paramref name="bytes"/> bytes, at least <paramref name="least"/> (a byte a number).</summary>
    private static byte[] ReadBlock(BinaryReader r, long bytes, int least, string what)
    {
        Expect(bytes >= least && bytes <= Math.Min(Remaining(r), Array.MaxLength), what);
        var block = new byte[bytes]; // not pooled: a pool would keep it for as long as the process runs
        Read(r, block.AsSpan());
        return block;
    }

    /// <summary>
    /// The documents' ids from their blocks: the UTF-8 bytes of all, taken as they are, and each one's length. Every id
    /// is valid UTF-8 when the whole is and no id begins inside a character (with a continuation byte).
    /// </summary>
    private void DecodeIds(byte[] utf8, byte[] lengths, int documents)
    {
        var ends = new int[Math.Max(16, documents + 1)];
        Expect(SnapshotCursor.Read7BitEncodedInts(lengths, ends.AsSpan(0, documents)) == lengths.Length, "the size of its ids' lengths");
        Expect(Utf8.IsValid(utf8), "an id");
        var end = 0L;
        for (var d = 0; d < documents; d++)
        {
            var length = ends[d];
            Expect(length is >= 0 and <= MaxIdBytes && end + length <= utf8.Length, "an id's length");
            Expect(length == 0 || (utf8[end] & 0xC0) != 0x80, "an id");
            end += length;
            ends[d] = (int)end;
        }

        Expect(end == utf8.Length, "the size of its ids");
        _ids.Adopt(utf8, ends, documents);
    }

    /// <summary>The per-document fields from their block of variable-length ids; returns what <see cref="WalkPool"/> does.</summary>
    private int[] DecodePool(byte[] block, int documents)
    {
        Expect(SnapshotCursor.Read7BitEncodedInts(block, _pool.AsSpan(0, _poolCount)) == block.Length, "the size of its document fields");
        return WalkPool(documents);
    }

    /// <summary>
    /// Works out where each document's fields begin in the pool, checking each count and id, and returns the highest
    /// id of each field (services, tags, signatures), for the caller to check against the terms each index holds.
    /// </summary>
    private int[] WalkPool(int documents)
    {
        int[] highest = [-1, -1, -1];
        var at = 0;
        for (var d = 0; d < documents; d++)
        {
            _forward[d] = at;
            for (var field = 0; field < 3; field++)
            {
                Expect(at < _poolCount && (uint)_pool[at] < (uint)(_poolCount - at), "a document's field count");
                var end = at + 1 + _pool[at];
                for (var i = at + 1; i < end; i++)
                {
                    Expect(_pool[i] >= 0, "a document's field id");
                    highest[field] = Math.Max(highest[field], _pool[i]);
                }

                at = end;
            }
        }

        Expect(at == _poolCount, "the size of its document fields");
        _forward[documents] = at;
        return highest;
    }

    /// <summary>The lists as versions before <see cref="SnapshotVersion"/> wrote them, each decoded as it is read.</summary>
    private void ReadPostings(BinaryReader r, bool compact, int documents)
    {
        var block = new byte[256];
        var left = Remaining(r);
        foreach (var postings in new[] { Words, Services, Tags, Signatures, Days })
        {
            var terms = r.ReadInt32();
            for (var t = 0; t < terms; t++)
            {
                postings.Load(r.ReadString(), compact ? ReadList(r, ref block, documents, left) : ReadFullList(r));
            }
        }

        var buckets = r.ReadInt32();
        for (var b = 0; b < buckets; b++)
        {
            NGrams.Load(r.ReadUInt64(), compact ? ReadList(r, ref block, documents, left) : ReadFullList(r));
        }
    }

    /// <summary>
    /// The lists as <see cref="Save"/> writes them, followed by their checksum: checked whole, then each list left
    /// encoded in <paramref name="rest"/> until a query first reads it.
    /// </summary>
    private void ReadEncodedPostings(byte[] rest, int documents)
    {
        Expect(rest.Length >= sizeof(ulong), "its postings' size");
        var length = rest.Length - sizeof(ulong);
        Expect(StoreCheck.HashOf(rest.AsSpan(0, length)) == BitConverter.ToUInt64(rest, length), "its postings' checksum");
        var cursor = new SnapshotCursor(rest.AsSpan(0, length));
        foreach (var postings in new[] { Words, Services, Tags, Signatures, Days })
        {
            var terms = cursor.ReadInt32();
            Expect(terms >= 0 && terms <= cursor.Remaining, "a term count");
            for (var t = 0; t < terms; t++)
            {
                postings.Load(cursor.ReadString(), EncodedList(ref cursor, rest, documents));
            }
        }

        var buckets = cursor.ReadInt32();
        Expect(buckets >= 0 && buckets <= cursor.Remaining, "a band count");
        for (var b = 0; b < buckets; b++)
        {
            NGrams.Load(cursor.ReadUInt64(), EncodedList(ref cursor, rest, documents));
        }

        Expect(cursor.Remaining == 0, "its postings' size");
    }

    private static PostingList EncodedList(ref SnapshotCursor cursor, byte[] rest, int documents)
    {
        var count = cursor.Read7BitEncodedInt();
        var max = cursor.Read7BitEncodedInt();
        var bytes = cursor.Read7BitEncodedInt();
        Expect(ListSizeHolds(count, max, bytes, cursor.Remaining), "a posting list's size");
        var start = cursor.Position;
        cursor.Take(bytes);
        return new PostingList(rest, start, bytes, count, max, documents);
    }

    /// <summary>Whether a list's header can be right: a gap takes a byte at least, frequencies fit a byte.</summary>
    private static bool ListSizeHolds(int count, int max, int bytes, long left) =>
        count >= 0 && bytes >= count && bytes <= left && max is >= 0 and <= 255 && (count == 0 || max >= 1);

    /// <summary>Everything left in the stream.</summary>
    private static byte[] ReadRest(Stream stream)
    {
        if (stream.CanSeek)
        {
            var rest = new byte[stream.Length - stream.Position];
            stream.ReadExactly(rest);
            return rest;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads sketches as versions before <see cref="SnapshotVersion"/> wrote them (32 bits a minimum) and compacts them.</summary>
    private void ReadFullSketches(BinaryReader r, int documents)
    {
        var full = new uint[MinHash.Size];
        for (var d = 0; d < documents; d++)
        {
            Read(r, full.AsSpan());
            MinHash.Compact(full, _sketches.AsSpan(d * MinHash.Size, MinHash.Size));
            _flags[d] |= MinHash.IsEmpty(full) ? Flags.NoSketch : (byte)0;
        }
    }

    private static void WriteList(BinaryWriter w, PostingList list, ref byte[] block)
    {
        var encoded = list.Encoded; // read once: a search may decode the list meanwhile (the bytes stay as they are)
        if (!encoded.IsEmpty)
        {
            w.Write7BitEncodedInt(list.Count); // still as the snapshot it was loaded from held it, which encoding it again gives
            w.Write7BitEncodedInt(list.MaxFrequency);
            w.Write7BitEncodedInt(encoded.Length);
            w.Write(encoded);
            return;
        }

        if (block.Length < PostingCodec.MaxBytes(list))
        {
            block = new byte[Math.Max(PostingCodec.MaxBytes(list), block.Length * 2)];
        }

        var bytes = PostingCodec.Encode(list, block);
        w.Write7BitEncodedInt(list.Count);
        w.Write7BitEncodedInt(list.MaxFrequency);
        w.Write7BitEncodedInt(bytes);
        w.Write(block, 0, bytes);
    }

    /// <summary>A compact list; <paramref name="left"/> bounds its size (the bytes the snapshot had left before the lists).</summary>
    private static PostingList ReadList(BinaryReader r, ref byte[] block, int documents, long left)
    {
        var count = r.Read7BitEncodedInt();
        var max = r.Read7BitEncodedInt();
        var bytes = r.Read7BitEncodedInt();
        Expect(ListSizeHolds(count, max, bytes, left), "a posting list's size");

        if (block.Length < bytes)
        {
            block = new byte[Math.Max(bytes, block.Length * 2)];
        }

        Read(r, block.AsSpan(0, bytes));
        return PostingCodec.Decode(block.AsSpan(0, bytes), count, max, documents);
    }

    /// <summary>A list as versions before <see cref="SnapshotVersion"/> wrote it: every id and frequency in full.</summary>
    private static PostingList ReadFullList(BinaryReader r)
    {
        var count = r.ReadInt32();
        var max = r.ReadInt32();
        Expect(count >= 0 && count * 5L <= Remaining(r), "a posting list's size");
        var docs = new int[count];
        var freqs = new byte[count];
        Read(r, docs.AsSpan());
        Read(r, freqs.AsSpan());
        return new PostingList(docs, freqs, count, max);
    }

    private static void Write<T>(BinaryWriter w, ReadOnlySpan<T> values)
        where T : unmanaged => w.Write(MemoryMarshal.AsBytes(values));

    private static void Read<T>(BinaryReader r, Span<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        if (r.BaseStream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length)
        {
            throw new EndOfStreamException();
        }
    }
}
