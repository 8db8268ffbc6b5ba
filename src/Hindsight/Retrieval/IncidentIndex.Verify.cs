using Hindsight.Incidents;

namespace Hindsight.Retrieval;

public sealed partial class IncidentIndex
{
    /// <summary>
    /// Checks that the index holds <paramref name="incident"/> exactly as indexing it now would: its facts, its
    /// n-gram sketch, its services, tags and signatures, and every word term in the postings with its frequency.
    /// Returns what disagrees, or null when the index agrees. Reads only; safe beside other readers.
    /// </summary>
    public string? Disagreement(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var doc = DocOf(incident.Id);
        if (doc < 0)
        {
            return "not in the index";
        }

        var frequencies = new Dictionary<int, int>();
        var signatures = new List<int>();
        var sketch = new uint[MinHash.Size];
        var sink = Analyze(IndexedText.Of(incident), frequencies, signatures, sketch);
        return Facts(incident, doc, sink.Length)
            ?? (SameSketch(sketch, doc) ? null : "its n-gram sketch differs")
            ?? SameSet(ServicesOf(doc), Ids(Services, Normalised(incident.Services)), "services")
            ?? SameSet(TagsOf(doc), Ids(Tags, TagsOf(incident.Tags, incident.FailureMode)), "tags")
            ?? SameSet(SignaturesOf(doc), signatures, "error signatures")
            ?? Postings(doc, frequencies, sink.Length);
    }

    private bool SameSketch(uint[] sketch, int doc)
    {
        if (MinHash.IsEmpty(sketch) || !HasSketch(doc))
        {
            return MinHash.IsEmpty(sketch) == !HasSketch(doc);
        }

        Span<ushort> compact = stackalloc ushort[MinHash.Size];
        MinHash.Compact(sketch, compact);
        return compact.SequenceEqual(SketchOf(doc));
    }

    private string? Facts(Incident incident, int doc, int analysedLength)
    {
        var severity = incident.Severity is { } s ? (sbyte)s : (sbyte)-1;
        var resolve = incident.Durations.TimeToResolve is { } ttr ? (int)Math.Min(int.MaxValue, ttr.TotalMinutes) : NoValue;
        return _lengths[doc] != Math.Clamp(analysedLength, 1, ushort.MaxValue) ? "its text length differs (the text changed)"
            : _severity[doc] != severity ? "its severity differs"
            : _started[doc] != Minutes(incident.StartedAt) ? "its start time differs"
            : _resolveMinutes[doc] != resolve ? "its time to resolve differs"
            : WasDeployed(doc) != incident.Deployments.Count > 0 ? "its deployments differ"
            : null;
    }

    private string? Postings(int doc, Dictionary<int, int> frequencies, int analysedLength)
    {
        var found = 0;
        foreach (var (term, frequency) in frequencies)
        {
            found += frequency;
            var list = Words.Postings(term);
            var at = list.Docs.BinarySearch(doc);
            if (at < 0)
            {
                return $"the term '{Words.Term(term)}' is missing from its postings";
            }

            if (list.Frequencies[at] != Math.Clamp(frequency, 1, 255))
            {
                return $"the term '{Words.Term(term)}' has frequency {list.Frequencies[at]} instead of {frequency}";
            }
        }

        // terms the dictionary does not know count towards the length but find no id
        return found == analysedLength ? null : "some of its terms are missing from the dictionary";
    }

    private static List<int> Ids(PostingIndex index, IEnumerable<string> values) => [.. values.Select(v => index.Find(v))];

    private static string? SameSet(ReadOnlySpan<int> indexed, List<int> expected, string what)
    {
        if (indexed.Length != expected.Count)
        {
            return $"its {what} differ";
        }

        foreach (var id in indexed)
        {
            if (!expected.Contains(id))
            {
                return $"its {what} differ";
            }
        }

        return null;
    }
}
