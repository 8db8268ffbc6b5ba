using System.Runtime.InteropServices;
using System.Text;
using Hindsight.Semantics;

namespace Hindsight.Retrieval;

public sealed partial class IncidentIndex
{
    private static readonly byte[] VectorMagic = "HSVE"u8.ToArray();
    private const int VectorFileVersion = 2;

    /// <summary>How many incidents have a sentence vector, and how many have text to compute one from.</summary>
    public VectorProgress VectorProgress => new(Vectors.Embedded, Vectors.Embeddable);

    /// <summary>How many incidents have a sentence vector.</summary>
    public int VectorCount => Vectors.Embedded;

    /// <summary>
    /// Up to <paramref name="max"/> incidents whose text has no vector yet (oldest first), with the hash of that text
    /// (<see cref="EmbeddingText.UnknownHash"/> when an older snapshot did not record it: any text of the incident will do).
    /// </summary>
    public IReadOnlyList<(string Key, uint Hash)> PendingVectors(int max) =>
        [.. Vectors.Pending(DocumentCount, max, doc => !IsDeleted(doc)).Select(doc => (KeyOf(doc), Vectors.HashOf(doc)))];

    /// <summary>
    /// Stores an incident's sentence vector, computed from the text with hash <paramref name="hash"/>; ignored (false)
    /// when the incident is gone or its text has changed since.
    /// </summary>
    public bool SetVector(string key, uint hash, ReadOnlySpan<float> vector)
    {
        var doc = DocOf(key);
        if (doc < 0 || !Vectors.Matches(doc, hash))
        {
            return false;
        }

        if (!Vectors.Set(doc, hash, vector))
        {
            Vectors.Clear(doc); // a degenerate vector: not asked for again until the text changes
            return false;
        }

        return true;
    }

    /// <summary>Marks an incident as having no text to embed (until its text changes), so it is not asked for again.</summary>
    public void SkipVector(string key)
    {
        if (DocOf(key) is var doc and >= 0)
        {
            Vectors.Clear(doc);
        }
    }

    /// <summary>An incident's sentence vector (as stored, quantised), or null without one.</summary>
    public float[]? VectorOf(string key) => DocOf(key) is var doc and >= 0 ? Vectors.Vector(doc) : null;

    /// <summary>Takes the vectors of <paramref name="other"/> for incidents whose text is the same here; returns how many.</summary>
    public int CopyVectors(IncidentIndex other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var copied = 0;
        foreach (var (key, from) in other.Listed(other.Vectors.Has))
        {
            if (DocOf(key) is var doc and >= 0 && !Vectors.Has(doc) && Vectors.Matches(doc, other.Vectors.HashOf(from))
                && (Vectors.Dimensions == 0 || Vectors.Dimensions == other.Vectors.Dimensions))
            {
                var (values, scale) = other.Vectors.Quantised(from);
                Vectors.SetQuantised(doc, other.Vectors.HashOf(from), values.Span, scale);
                copied++;
            }
        }

        return copied;
    }

    /// <summary>
    /// Writes every vector with its incident id and text hash, so that <see cref="LoadVectors"/> can put them back into
    /// this index or into one rebuilt from the store.
    /// </summary>
    public void SaveVectors(Stream stream, string model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(VectorMagic);
        w.Write(VectorFileVersion);
        w.Write(model);
        w.Write(Vectors.Dimensions);
        foreach (var (key, doc) in Listed(Vectors.Has))
        {
            var (values, scale) = Vectors.Quantised(doc);
            w.Write(key);
            w.Write(Vectors.HashOf(doc));
            w.Write(scale);
            w.Write(MemoryMarshal.AsBytes(values.Span));
        }

        w.Write(""); // the end: incident ids are never empty, so a file cut short is told from a whole one
    }

    /// <summary>
    /// Reads vectors written by <see cref="SaveVectors"/> of the same model; each is kept only when its incident's text
    /// is still the one it was computed from. Returns how many were kept. Throws <see cref="InvalidDataException"/>
    /// when the data is not such a file.
    /// </summary>
    public int LoadVectors(Stream stream, string model)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!r.ReadBytes(4).AsSpan().SequenceEqual(VectorMagic) || r.ReadInt32() != VectorFileVersion)
            {
                throw new InvalidDataException("not a vector file of this version");
            }

            if (r.ReadString() != model)
            {
                return 0; // another model's vectors cannot be compared with this one's
            }

            var dimensions = r.ReadInt32();
            if (dimensions <= 0 || dimensions > 4096 || (Vectors.Dimensions != 0 && dimensions != Vectors.Dimensions))
            {
                throw new InvalidDataException($"a vector file of {dimensions} dimensions");
            }

            var values = new sbyte[dimensions];
            var kept = 0;
            while (r.ReadString() is { Length: > 0 } key)
            {
                var hash = r.ReadUInt32();
                var scale = r.ReadSingle();
                Read(r, values.AsSpan());
                if (DocOf(key) is var doc and >= 0 && Vectors.Matches(doc, hash) && !Vectors.Has(doc))
                {
                    Vectors.SetQuantised(doc, hash, values, scale);
                    kept++;
                }
            }

            return kept;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the vector file is truncated", ex);
        }
    }
}
