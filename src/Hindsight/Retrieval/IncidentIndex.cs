using System.Globalization;
using Hindsight.Incidents;
using Hindsight.Semantics;
using Hindsight.Text;

namespace Hindsight.Retrieval;

/// <summary>
/// The six indexes over an organisation's incidents (word terms, character n-grams, services, tags and failure mode,
/// error signatures, day buckets) and the compact per-incident facts the composite score reads.
/// Not thread-safe: one writer, or many readers, at a time (callers hold a reader-writer lock).
/// </summary>
public sealed partial class IncidentIndex
{
    internal const int NoValue = int.MinValue;
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly KeyTable _ids = new();
    private ushort[] _lengths = new ushort[16];
    private sbyte[] _severity = new sbyte[16];
    private int[] _started = new int[16];
    private int[] _resolveMinutes = new int[16];
    private byte[] _flags = new byte[16];
    private int[] _forward = new int[17];
    private int[] _pool = new int[64];
    private int _poolCount;
    private ushort[] _sketches = new ushort[16 * MinHash.Size];
    private long _totalLength;

    internal PostingIndex Words { get; } = new("words");
    internal LshIndex NGrams { get; } = new();
    internal PostingIndex Services { get; } = new("services");
    internal PostingIndex Tags { get; } = new("tags");
    internal PostingIndex Signatures { get; } = new("signatures");
    internal PostingIndex Days { get; } = new("days");

    /// <summary>Sentence vectors, filled in after indexing (see <see cref="SetVector"/>).</summary>
    internal VectorTable Vectors { get; } = new();

    /// <summary>How many documents were ever added (document ids run from 0 to this, deleted ones included).</summary>
    internal int DocumentCount { get; private set; }

    /// <summary>How many incidents the index holds.</summary>
    public int Count => _ids.Count;

    /// <summary>The store revision the index reflects: every change up to it is in, none after it.</summary>
    public long Revision { get; private set; }

    /// <summary>The store as the index last found it whole, kept in the snapshot; null when unknown.</summary>
    public StoreCheck? Checked { get; set; }

    /// <summary>Records that every change up to <paramref name="revision"/> is in (the revision never goes back).</summary>
    public void Advance(long revision) => Revision = Math.Max(Revision, revision);

    internal double AverageLength => Count == 0 ? 1 : Math.Max(1, (double)_totalLength / Count);

    /// <summary>Whether the index holds an incident with this id.</summary>
    public bool Contains(string key) => _ids.Find(key) >= 0;

    /// <summary>The ids of the incidents held, in no particular order.</summary>
    public IEnumerable<string> Keys => Listed().Select(l => l.Key);

    /// <summary>The incidents held (those whose document passes <paramref name="where"/>), each with its document, in document order.</summary>
    internal IEnumerable<(string Key, int Doc)> Listed(Func<int, bool>? where = null)
    {
        for (var doc = 0; doc < DocumentCount; doc++)
        {
            if (!IsDeleted(doc) && (where is null || where(doc)))
            {
                yield return (KeyOf(doc), doc);
            }
        }
    }

    /// <summary>Adds an incident, replacing the one with the same id if there is one.</summary>
    public void Add(Incident incident) => Add(AnalysedIncident.Of(IndexedIncident.From(incident)));

    /// <summary>Adds an analysed incident, replacing the one with the same id if there is one.</summary>
    public void Add(AnalysedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var old = Unlist(incident.Id);
        var doc = DocumentCount;
        Grow(doc + 1);

        var start = 0;
        for (var t = 0; t < incident.TermEnds.Length; t++)
        {
            var end = incident.TermEnds[t];
            Words.Add(Words.Intern(incident.TermChars.AsSpan(start, end - start)), doc, incident.Frequencies[t]);
            start = end;
        }

        _ids.Put(doc, incident.Id);
        _lengths[doc] = (ushort)incident.Length;
        _severity[doc] = incident.Severity;
        _started[doc] = incident.StartedMinutes;
        _resolveMinutes[doc] = incident.ResolveMinutes;
        var sketch = incident.Sketch;
        _flags[doc] = (byte)((incident.Deployed ? Flags.Deployed : 0) | (MinHash.IsEmpty(sketch) ? Flags.NoSketch : 0));
        MinHash.Compact(sketch, _sketches.AsSpan(doc * MinHash.Size, MinHash.Size));

        _forward[doc] = _poolCount;
        AddField(Services, incident.Services, doc);
        AddField(Tags, incident.Tags, doc);
        AppendPool(incident.Signatures.Length);
        foreach (var signature in incident.Signatures)
        {
            var id = Signatures.Intern(signature);
            Signatures.Add(id, doc);
            AppendPool(id);
        }

        _forward[doc + 1] = _poolCount;
        Span<char> day = stackalloc char[12];
        Days.Add(Days.Intern(DayKey(_started[doc], day)), doc);
        if (!MinHash.IsEmpty(sketch))
        {
            for (var b = 0; b < MinHash.Bands; b++)
            {
                NGrams.Add(MinHash.Band(sketch, b), doc);
            }
        }

        Vectors.Track(doc, incident.TextHash);
        if (old >= 0)
        {
            if (Vectors.HashOf(old) == Vectors.HashOf(doc))
            {
                Vectors.Copy(old, doc); // the same text: its vector stays valid
            }

            Vectors.Clear(old);
        }

        _ids.List(doc);
        DocumentCount = doc + 1;
        _totalLength += incident.Length;
    }

    /// <summary>What each part of the index holds and about how much memory it takes.</summary>
    public IReadOnlyList<IndexPart> Parts()
    {
        var parts = new[] { Words, Services, Tags, Signatures, Days }
            .Select(p => new IndexPart(p.Name, p.TermCount, p.PostingCount, p.Bytes))
            .Append(new IndexPart("n-grams", NGrams.BucketCount, NGrams.PostingCount, NGrams.Bytes))
            .ToList();
        var perDocument = 2 + 1 + 4 + 4 + 1 + 4 + (2 * MinHash.Size); // length, severity, start, resolve, flags, forward, sketch
        parts.Add(new IndexPart("facts", Count, 0, _ids.Bytes + ((long)_lengths.Length * perDocument) + (_pool.Length * 4L)));
        return parts;
    }

    /// <summary>Removes an incident; its postings stay until the next rebuild but never match again.</summary>
    public bool Remove(string key)
    {
        var doc = Unlist(key);
        if (doc < 0)
        {
            return false;
        }

        Vectors.Clear(doc);
        return true;
    }

    /// <summary>Marks an incident's document deleted; returns its id, or −1 when the index did not hold it.</summary>
    private int Unlist(string key)
    {
        var doc = _ids.Unlist(key);
        if (doc < 0)
        {
            return -1;
        }

        _flags[doc] |= Flags.Deleted;
        _totalLength -= _lengths[doc];
        return doc;
    }

    internal bool IsDeleted(int doc) => (_flags[doc] & Flags.Deleted) != 0;

    internal bool WasDeployed(int doc) => (_flags[doc] & Flags.Deployed) != 0;

    internal string KeyOf(int doc) => _ids.KeyOf(doc);

    internal int DocOf(string key) => _ids.Find(key);

    internal int LengthOf(int doc) => _lengths[doc];

    internal int SeverityOf(int doc) => _severity[doc];

    internal int StartedMinutesOf(int doc) => _started[doc];

    internal int ResolveMinutesOf(int doc) => _resolveMinutes[doc];

    /// <summary>The document's n-gram sketch, 16 bits a minimum (see <see cref="MinHash.Compact"/>); meaningless when <see cref="HasSketch"/> is false.</summary>
    internal ReadOnlySpan<ushort> SketchOf(int doc) => _sketches.AsSpan(doc * MinHash.Size, MinHash.Size);

    /// <summary>Whether the document's title gave any n-gram.</summary>
    internal bool HasSketch(int doc) => (_flags[doc] & Flags.NoSketch) == 0;

    internal ReadOnlySpan<int> ServicesOf(int doc) => Field(doc, 0);

    internal ReadOnlySpan<int> TagsOf(int doc) => Field(doc, 1);

    internal ReadOnlySpan<int> SignaturesOf(int doc) => Field(doc, 2);

    internal static int Minutes(DateTimeOffset at) => (int)Math.Clamp((at - Epoch).TotalMinutes, int.MinValue + 1, int.MaxValue);

    internal static ReadOnlySpan<char> DayKey(int minutes, Span<char> buffer)
    {
        var day = minutes / (24 * 60);
        day.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return buffer[..written];
    }

    /// <summary>Analyses a query's text into the buffers, against the terms the index holds (others are counted in its length only).</summary>
    internal AnalysisSink Analyze(IndexedText text, Dictionary<int, int> frequencies, List<int> signatures, uint[] sketch)
    {
        frequencies.Clear();
        signatures.Clear();
        MinHash.Reset(sketch);
        var sink = new AnalysisSink
        {
            Words = Words,
            Signatures = Signatures,
            Frequencies = frequencies,
            SignatureIds = signatures,
            Sketch = sketch,
            Sketching = true,
            Weight = IndexedText.TitleWeight,
        };
        TextAnalyzer.Analyze(text.Title, ref sink);
        sink.Weight = 1;
        sink.Sketching = false; // the title alone: whole bodies of different lengths make n-gram sets incomparable
        TextAnalyzer.Analyze(text.Body, ref sink);
        return sink;
    }

    internal static IEnumerable<string> Normalised(IEnumerable<string> values) =>
        values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);

    /// <summary>The tag values the index matches: the tags and the failure mode, normalised.</summary>
    internal static IEnumerable<string> TagsOf(IEnumerable<string> tags, string? failureMode) =>
        Normalised(failureMode is { Length: > 0 } mode ? tags.Append("failure-mode:" + mode) : tags);

    private ReadOnlySpan<int> Field(int doc, int field)
    {
        var at = _forward[doc];
        for (var f = 0; f < field; f++)
        {
            at += _pool[at] + 1;
        }

        return _pool.AsSpan(at + 1, _pool[at]);
    }

    private void AddField(PostingIndex index, string[] values, int doc)
    {
        var countAt = _poolCount;
        AppendPool(0);
        foreach (var value in values)
        {
            var id = index.Intern(value);
            index.Add(id, doc);
            AppendPool(id);
            _pool[countAt]++;
        }
    }

    private void AppendPool(int value)
    {
        if (_poolCount == _pool.Length)
        {
            Array.Resize(ref _pool, _pool.Length * 2);
        }

        _pool[_poolCount++] = value;
    }

    private void Grow(int needed)
    {
        if (needed <= _lengths.Length)
        {
            return;
        }

        var size = Math.Max(needed, _lengths.Length * 2);
        Array.Resize(ref _lengths, size);
        Array.Resize(ref _severity, size);
        Array.Resize(ref _started, size);
        Array.Resize(ref _resolveMinutes, size);
        Array.Resize(ref _flags, size);
        Array.Resize(ref _forward, size + 1);
        Array.Resize(ref _sketches, size * MinHash.Size);
    }

    private static class Flags
    {
        public const byte Deleted = 1;
        public const byte Deployed = 2;
        public const byte NoSketch = 4;
    }
}
