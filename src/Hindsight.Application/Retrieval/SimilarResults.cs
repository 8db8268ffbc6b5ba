using System.Text.Json.Serialization;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Suggestions;
using Hindsight.Text;

namespace Hindsight.Application.Retrieval;

/// <summary>Why an incident matched: each signal's contribution and what the two have in common.</summary>
/// <param name="Features">Signal name → weight × value, largest first.</param>
/// <param name="Terms">Words both share that weighed most.</param>
/// <param name="Signatures">Error signatures both have.</param>
/// <param name="Services">Services both affected.</param>
/// <param name="Tags">Tags both carry.</param>
public sealed record MatchReasons(
    IReadOnlyDictionary<string, double> Features, IReadOnlyList<string> Terms, IReadOnlyList<string> Signatures, IReadOnlyList<string> Services, IReadOnlyList<string> Tags)
{
    /// <summary>The semantic contribution from which "similar meaning" is named: a cosine of about 0.6 at the default weight.</summary>
    public const double MeaningShown = 0.2;

    /// <summary>The reasons in words, for every interface alike: "signature …; service …; words …" (or "overall likeness").</summary>
    [JsonIgnore]
    public string Summary
    {
        get
        {
            var parts = new List<string>();
            if (Signatures.Count > 0)
            {
                parts.Add("signature " + string.Join(", ", Signatures));
            }

            if (Services.Count > 0)
            {
                parts.Add("service " + string.Join(", ", Services));
            }

            if (Terms.Count > 0)
            {
                parts.Add("words " + string.Join(", ", Terms.Take(5)));
            }

            if (Features.ContainsKey("graph") && Services.Count == 0)
            {
                parts.Add("dependency neighbour");
            }

            if (Features.TryGetValue("semantic", out var meaning) && meaning >= MeaningShown)
            {
                parts.Add("similar meaning");
            }

            return parts.Count == 0 ? "overall likeness" : string.Join("; ", parts);
        }
    }

    /// <summary>The reasons of an explanation.</summary>
    public static MatchReasons Of(MatchExplanation why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new MatchReasons(why.Contributions, why.SharedTerms, why.SharedSignatures, why.SharedServices, why.SharedTags);
    }
}

/// <summary>A past incident found similar, with its score and the reasons.</summary>
/// <param name="Id">The incident's id.</param>
/// <param name="Score">The composite score.</param>
/// <param name="Title">Its title.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Severity">Its severity, if assessed.</param>
/// <param name="Services">The services it affected.</param>
/// <param name="Why">Why it matched.</param>
public sealed record SimilarIncidentResult(string Id, double Score, string Title, DateTimeOffset? StartedAt, string? Severity, IReadOnlyList<string> Services, MatchReasons Why)
{
    /// <summary>The incident found.</summary>
    [JsonIgnore]
    public Incident? Incident { get; init; }

    /// <summary>The result for one similar incident.</summary>
    public static SimilarIncidentResult Of(SimilarIncident s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = s.Incident;
        var reasons = MatchReasons.Of(s.Why);
        var indexed = IndexedText.Of(i); // the text the terms were found in, as the past incident writes it
        var why = reasons with { Terms = SurfaceTerms.In(indexed.Title + "\n" + indexed.Body, reasons.Terms) };
        return new SimilarIncidentResult(i.Id, s.Score, i.Title, i.At, i.Severity is { } sev ? SeverityText.Format(sev) : null, i.Services, why)
        {
            Incident = i,
        };
    }
}

/// <summary>Past incidents like a description or a stored incident.</summary>
/// <param name="Similar">The similar incidents, best first.</param>
/// <param name="Indexed">How many incidents were searched.</param>
/// <param name="Revision">The store revision of the index searched: every incident stored up to it was searched.</param>
public sealed record SimilarResult(IReadOnlyList<SimilarIncidentResult> Similar, int Indexed, long Revision)
{
    /// <summary>How far the sentence vectors have got, or null when semantic similarity is off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SemanticStatus? Semantic { get; init; }
}

/// <summary>The semantic feature's state: the model, and how many incidents have their vector.</summary>
/// <param name="Model">The sentence model.</param>
/// <param name="Vectors">Incidents with a vector.</param>
/// <param name="Embeddable">Incidents with text the model reads (English); the others are matched by words alone.</param>
public sealed record SemanticStatus(string Model, int Vectors, int Embeddable)
{
    /// <summary>Incidents still waiting for their vector; they are found meanwhile by every other signal.</summary>
    public int Pending => Math.Max(0, Embeddable - Vectors);

    /// <summary>Searches since the start that the model failed to embed, answered without the feature (absent when none).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long ModelFailures { get; init; }

    /// <summary>The status of an engine, or null when semantic similarity is off.</summary>
    public static SemanticStatus? Of(SimilarityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.SemanticModel is { } model && engine.Vectors is var v
            ? new SemanticStatus(model, v.Embedded, v.Embeddable) { ModelFailures = engine.ModelFailures }
            : null;
    }
}

/// <summary>What <c>hindsight vectors</c> did.</summary>
/// <param name="Org">The organisation.</param>
/// <param name="Semantic">The state afterwards, or null when semantic similarity is off.</param>
/// <param name="Computed">Vectors computed now.</param>
/// <param name="Seconds">How long it took.</param>
public sealed record VectorsResult(string Org, SemanticStatus? Semantic, int Computed, double Seconds)
{
    /// <summary>Vectors computed a second.</summary>
    [JsonPropertyName("vectors_per_s")]
    public double? VectorsPerSecond => Computed > 0 && Seconds > 0 ? Math.Round(Computed / Seconds, 1) : null;
}

/// <summary>An action that helped in similar incidents.</summary>
/// <param name="Action">The most common wording.</param>
/// <param name="Helped">In how many similar incidents it helped.</param>
/// <param name="Tried">In how many it was tried.</param>
/// <param name="Reliability">How reliably it helped when the outcome is known.</param>
/// <param name="Score">Ranking score.</param>
/// <param name="Incidents">The similar incidents it comes from.</param>
public sealed record ActionSuggestion(string Action, int Helped, int Tried, double Reliability, double Score, IReadOnlyList<string> Incidents);

/// <summary>A person who resolved similar incidents: whom to call.</summary>
/// <param name="Name">The person.</param>
/// <param name="Roles">The roles they held.</param>
/// <param name="Incidents">How many of the similar incidents they responded to.</param>
/// <param name="LastResponded">When they last responded to one (null when all of theirs are undated).</param>
/// <param name="Score">Ranking score.</param>
public sealed record ExpertSuggestion(string Name, IReadOnlyList<string> Roles, int Incidents, DateTimeOffset? LastResponded, double Score);

/// <summary>What the history suggests for an incident or a description.</summary>
/// <param name="Similar">Similar incidents, best first.</param>
/// <param name="Actions">Actions that helped in them, best first.</param>
/// <param name="Experts">People who resolved them, best first.</param>
/// <param name="Efficiency">How this response compares with theirs (a stored incident only).</param>
public sealed record SuggestionResult(IReadOnlyList<SimilarIncidentResult> Similar, IReadOnlyList<ActionSuggestion> Actions, IReadOnlyList<ExpertSuggestion> Experts, IncidentEfficiency? Efficiency)
{
    /// <summary>The stored incident the suggestion is for, when it is for one.</summary>
    [JsonIgnore]
    public Incident? For { get; init; }

    /// <summary>The result of a suggestion.</summary>
    public static SuggestionResult Of(Suggestion s, Incident? incident)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new SuggestionResult(
            [.. s.Similar.Select(SimilarIncidentResult.Of)],
            [.. s.Actions.Select(a => new ActionSuggestion(a.Description, a.Helped, a.Tried, a.Reliability, a.Score, a.Incidents))],
            [.. s.Experts.Select(e => new ExpertSuggestion(e.Name, e.Roles, e.Incidents, e.LastResponded, e.Score))],
            s.Efficiency)
        {
            For = incident,
        };
    }
}
