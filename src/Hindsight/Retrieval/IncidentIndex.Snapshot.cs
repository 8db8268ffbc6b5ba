using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Hindsight.Semantics;

namespace Hindsight.Retrieval;

public sealed partial class IncidentIndex
{
    private const int SnapshotVersion = 5;

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
        w.Write(DocumentCount);
        w.Write(_totalLength);
        var n = DocumentCount;
        for (var d = 0; d < n; d++)
        {
            var id = _ids.Utf8Of(d);
            w.Write7BitEncodedInt(id.Length); // as BinaryWriter writes a string
            w.Write(id);
        }

        Write(w, _lengths.AsSpan(0, n));
        Write(w, _severity.AsSpan(0, n));
        Write(w, _started.AsSpan(0, n));
        Write(w, _resolveMinutes.AsSpan(0, n));
        Write(w, _flags.AsSpan(0, n));
        w.Write(_poolCount); // each document's fields in order, each a count and that many ids: the offsets follow from it
        for (var i = 0; i < _poolCount; i++)
        {
            w.Write7BitEncodedInt(_pool[i]);
        }

        Write(w, (ReadOnlySpan<ushort>)_sketches.AsSpan(0, n * MinHash.Size));
        Write(w, (ReadOnlySpan<uint>)Vectors.Hashes(n));
        var block = new byte[256];
        foreach (var index in new[] { Words, Services, Tags, Signatures, Days })
        {
            w.Write(index.TermCount);
            for (var t = 0; t < index.TermCount; t++)
            {
                w.Write(index.Term(t));
                WriteList(w, index.Postings(t), ref block);
            }
        }

        w.Write(NGrams.BucketCount);
        foreach (var (band, list) in NGrams.Buckets)
        {
            w.Write(band);
            WriteList(w, list, ref block);
        }
    }

    /// <summary>Reads an index written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> when the data is not one.</summary>
    public static IncidentIndex Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var magic = r.ReadBytes(4).AsSpan().SequenceEqual(Magic);
            var version = magic ? r.ReadInt32() : 0;
            if (version is not (SnapshotVersion or WithFullPostings or WithoutTextHashes))
            {
                throw new InvalidDataException("not an index snapshot of this version");
            }

            var index = new IncidentIndex();
            index.Advance(r.ReadInt64());
            var n = r.ReadInt32();
            Expect(n >= 0 && n <= Remaining(r), "its document count");
            index._totalLength = r.ReadInt64();
            index.Grow(n + 1);
            var left = Remaining(r); // asked once: each ask is a system call
            for (var d = 0; d < n; d++)
            {
                var length = r.Read7BitEncodedInt();
                Expect(length >= 0 && length <= Math.Min(left, MaxIdBytes), "an id's length");
                var id = index._ids.Put(d, length);
                r.BaseStream.ReadExactly(id);
                Expect(Utf8.IsValid(id), "an id");
            }

            Read(r, index._lengths.AsSpan(0, n));
            Read(r, index._severity.AsSpan(0, n));
            Read(r, index._started.AsSpan(0, n));
            Read(r, index._resolveMinutes.AsSpan(0, n));
            Read(r, index._flags.AsSpan(0, n));
            if (version == SnapshotVersion)
            {
                index.ReadPool(r, n);
                Read(r, index._sketches.AsSpan(0, n * MinHash.Size));
            }
            else
            {
                Read(r, index._forward.AsSpan(0, n + 1));
                index._poolCount = r.ReadInt32();
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
            var block = new byte[256];
            var compact = version == SnapshotVersion;
            left = Remaining(r);
            foreach (var postings in new[] { index.Words, index.Services, index.Tags, index.Signatures, index.Days })
            {
                var terms = r.ReadInt32();
                for (var t = 0; t < terms; t++)
                {
                    postings.Load(r.ReadString(), compact ? ReadList(r, ref block, n, left) : ReadFullList(r));
                }
            }

            var buckets = r.ReadInt32();
            for (var b = 0; b < buckets; b++)
            {
                index.NGrams.Load(r.ReadUInt64(), compact ? ReadList(r, ref block, n, left) : ReadFullList(r));
            }

            index.CheckFieldIds(n);
            index.DocumentCount = n;
            index._ids.Expect(n);
            for (var d = 0; d < n; d++)
            {
                if (!index.IsDeleted(d))
                {
                    index._ids.List(d);
                }
            }

            index.Vectors.Recount(n, d => !index.IsDeleted(d));

            return index;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the index snapshot is truncated", ex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("the index snapshot is damaged", ex); // a count or an id that no index could hold
        }
    }

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

    /// <summary>Checks that every document's services, tags and signatures name terms the indexes hold.</summary>
    private void CheckFieldIds(int documents)
    {
        var fields = new[] { Services, Tags, Signatures };
        for (var d = 0; d < documents; d++)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                foreach (var id in Field(d, f))
                {
                    Expect(id >= 0 && id < fields[f].TermCount, "a document's field id");
                }
            }
        }
    }

    /// <summary>Reads the per-document fields written as variable-length ids and works out where each document's fields begin.</summary>
    private void ReadPool(BinaryReader r, int documents)
    {
        _poolCount = r.ReadInt32();
        Expect(_poolCount >= 0 && _poolCount <= Remaining(r), "the size of its document fields");
        _pool = new int[Math.Max(64, _poolCount)];
        for (var i = 0; i < _poolCount; i++)
        {
            _pool[i] = r.Read7BitEncodedInt();
        }

        var at = 0;
        for (var d = 0; d < documents; d++)
        {
            _forward[d] = at;
            for (var field = 0; field < 3; field++)
            {
                Expect(at < _poolCount && (uint)_pool[at] < (uint)(_poolCount - at), "a document's field count");
                at += _pool[at] + 1;
            }
        }

        Expect(at == _poolCount, "the size of its document fields");
        _forward[documents] = at;
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
        Expect(count >= 0 && bytes >= count && bytes <= left && max is >= 0 and <= 255 && (count == 0 || max >= 1), "a posting list's size"); // a gap takes a byte at least

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
