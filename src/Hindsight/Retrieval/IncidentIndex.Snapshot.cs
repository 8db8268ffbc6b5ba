using System.Runtime.InteropServices;
using System.Text;
using Hindsight.Semantics;

namespace Hindsight.Retrieval;

public sealed partial class IncidentIndex
{
    private const int SnapshotVersion = 3;

    /// <summary>The version before sentence vectors, read still: its incidents' text hashes are learnt when their vectors are computed.</summary>
    private const int WithoutTextHashes = 2;
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
            w.Write(_keys[d]);
        }

        Write(w, _lengths.AsSpan(0, n));
        Write(w, _severity.AsSpan(0, n));
        Write(w, _started.AsSpan(0, n));
        Write(w, _resolveMinutes.AsSpan(0, n));
        Write(w, _flags.AsSpan(0, n));
        Write(w, _forward.AsSpan(0, n + 1));
        w.Write(_poolCount);
        Write(w, _pool.AsSpan(0, _poolCount));
        Write(w, _sketches.AsSpan(0, n * MinHash.Size));
        Write(w, (ReadOnlySpan<uint>)Vectors.Hashes(n));
        foreach (var index in new[] { Words, Services, Tags, Signatures, Days })
        {
            w.Write(index.TermCount);
            for (var t = 0; t < index.TermCount; t++)
            {
                w.Write(index.Term(t));
                WriteList(w, index.Postings(t));
            }
        }

        w.Write(NGrams.BucketCount);
        foreach (var (band, list) in NGrams.Buckets)
        {
            w.Write(band);
            WriteList(w, list);
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
            if (version is not (SnapshotVersion or WithoutTextHashes))
            {
                throw new InvalidDataException("not an index snapshot of this version");
            }

            var index = new IncidentIndex();
            index.Advance(r.ReadInt64());
            var n = r.ReadInt32();
            index._totalLength = r.ReadInt64();
            index.Grow(n + 1);
            for (var d = 0; d < n; d++)
            {
                index._keys[d] = r.ReadString();
            }

            Read(r, index._lengths.AsSpan(0, n));
            Read(r, index._severity.AsSpan(0, n));
            Read(r, index._started.AsSpan(0, n));
            Read(r, index._resolveMinutes.AsSpan(0, n));
            Read(r, index._flags.AsSpan(0, n));
            Read(r, index._forward.AsSpan(0, n + 1));
            index._poolCount = r.ReadInt32();
            index._pool = new int[Math.Max(64, index._poolCount)];
            Read(r, index._pool.AsSpan(0, index._poolCount));
            Read(r, index._sketches.AsSpan(0, n * MinHash.Size));
            if (version == WithoutTextHashes)
            {
                index.Vectors.Hashes(n).Fill(VectorTable.Unknown); // learnt from the store when each vector is computed
            }
            else
            {
                Read(r, index.Vectors.Hashes(n));
            }
            foreach (var postings in new[] { index.Words, index.Services, index.Tags, index.Signatures, index.Days })
            {
                var terms = r.ReadInt32();
                for (var t = 0; t < terms; t++)
                {
                    postings.Load(r.ReadString(), ReadList(r));
                }
            }

            var buckets = r.ReadInt32();
            for (var b = 0; b < buckets; b++)
            {
                index.NGrams.Load(r.ReadUInt64(), ReadList(r));
            }

            index.DocumentCount = n;
            for (var d = 0; d < n; d++)
            {
                if (!index.IsDeleted(d))
                {
                    index._docOfKey[index._keys[d]] = d;
                }
            }

            index.Vectors.Recount(n, d => !index.IsDeleted(d));

            return index;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the index snapshot is truncated", ex);
        }
    }

    private static void WriteList(BinaryWriter w, PostingList list)
    {
        w.Write(list.Count);
        w.Write(list.MaxFrequency);
        Write(w, list.Docs);
        Write(w, list.Frequencies);
    }

    private static PostingList ReadList(BinaryReader r)
    {
        var count = r.ReadInt32();
        var max = r.ReadInt32();
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
