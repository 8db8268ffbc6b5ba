using Hindsight.Semantics;
using Hindsight.Text;

namespace Hindsight.Retrieval;

/// <summary>
/// An incident analysed for the index but not yet in it: its terms, signatures, n-gram sketch and facts, worked out
/// on any thread (<see cref="Of"/>) so that adding it (<see cref="IncidentIndex.Add(AnalysedIncident)"/>) is left
/// only the dictionaries and postings, which take one writer at a time.
/// </summary>
public sealed class AnalysedIncident
{
    [ThreadStatic]
    private static TermTable? _terms;

    private AnalysedIncident(string id)
    {
        Id = id;
    }

    /// <summary>The incident's id.</summary>
    public string Id { get; }

    /// <summary>Its distinct word terms, in the order they first occur, one after another (see <see cref="TermEnds"/>).</summary>
    internal char[] TermChars { get; private init; } = [];

    /// <summary>How many distinct word terms it has.</summary>
    public int TermCount => TermEnds.Length;

    /// <summary>Where each term ends in <see cref="TermChars"/>.</summary>
    internal int[] TermEnds { get; private init; } = [];

    /// <summary>Each term's weighted frequency.</summary>
    internal int[] Frequencies { get; private init; } = [];

    /// <summary>Its error signatures, each once, in the order they first occur.</summary>
    internal string[] Signatures { get; private init; } = [];

    /// <summary>Its weighted length in terms.</summary>
    internal int Length { get; private init; }

    /// <summary>Its title's n-gram sketch (see <see cref="MinHash"/>).</summary>
    internal uint[] Sketch { get; private init; } = [];

    internal sbyte Severity { get; private init; }

    internal int StartedMinutes { get; private init; }

    internal int ResolveMinutes { get; private init; }

    internal bool Deployed { get; private init; }

    /// <summary>Its services, normalised as the index matches them.</summary>
    internal string[] Services { get; private init; } = [];

    /// <summary>Its tags and failure mode, normalised as the index matches them.</summary>
    internal string[] Tags { get; private init; } = [];

    /// <summary>The hash of the text its sentence vector is made from.</summary>
    internal uint TextHash { get; private init; }

    /// <summary>Analyses an incident; safe on any thread (it reads nothing of an index).</summary>
    public static AnalysedIncident Of(IndexedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var terms = _terms ?? new TermTable();
        _terms = null; // taken while in use: a nested call on this thread gets a table of its own
        try
        {
            return Analyse(incident, terms);
        }
        finally
        {
            _terms = terms;
        }
    }

    private static AnalysedIncident Analyse(IndexedIncident incident, TermTable terms)
    {
        terms.Clear();
        var collector = new TermCollector
        {
            Terms = terms,
            Signatures = [],
            Sketch = new uint[MinHash.Size],
            Sketching = true,
            Weight = IndexedText.TitleWeight,
        };
        MinHash.Reset(collector.Sketch);
        TextAnalyzer.Analyze(incident.Text.Title, ref collector);
        collector.Weight = 1;
        collector.Sketching = false; // the title alone: whole bodies of different lengths make n-gram sets incomparable
        TextAnalyzer.Analyze(incident.Text.Body, ref collector);
        var (chars, ends, frequencies) = terms.Pack();
        return new AnalysedIncident(incident.Id)
        {
            TermChars = chars,
            TermEnds = ends,
            Frequencies = frequencies,
            Signatures = [.. collector.Signatures],
            Length = Math.Clamp(collector.Length, 1, ushort.MaxValue),
            Sketch = collector.Sketch,
            Severity = incident.Severity is { } s ? (sbyte)s : (sbyte)-1,
            StartedMinutes = IncidentIndex.Minutes(incident.StartedAt),
            ResolveMinutes = incident.TimeToResolve is { } ttr ? (int)Math.Min(int.MaxValue, ttr.TotalMinutes) : IncidentIndex.NoValue,
            Deployed = incident.Deployed,
            Services = [.. IncidentIndex.Normalised(incident.Services)],
            Tags = [.. IncidentIndex.TagsOf(incident.Tags, incident.FailureMode)],
            TextHash = EmbeddingText.HashOf(incident.Text),
        };
    }

    /// <summary>Collects terms into the table (no index dictionary is touched), signatures and the title's sketch.</summary>
    private struct TermCollector : ITokenSink
    {
        public TermTable Terms;
        public List<string> Signatures;
        public uint[] Sketch;
        public bool Sketching;
        public int Weight;
        public int Length;

        public void Term(ReadOnlySpan<char> term)
        {
            Length += Weight;
            Terms.Add(term, Weight);
            if (Sketching)
            {
                MinHash.AddTrigrams(Sketch, term);
            }
        }

        public void Signature(ReadOnlySpan<char> signature)
        {
            foreach (var seen in Signatures)
            {
                if (signature.SequenceEqual(seen))
                {
                    return;
                }
            }

            Signatures.Add(signature.ToString());
        }
    }
}
