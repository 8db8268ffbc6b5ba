using Hindsight.Incidents;

namespace Hindsight.Retrieval;

/// <summary>What to find similar incidents for: a text and whatever else is known about the situation.</summary>
public sealed record SimilarityQuery
{
    /// <summary>The text: title and body.</summary>
    public required IndexedText Text { get; init; }

    /// <summary>Affected services.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Tags and failure mode (<c>failure-mode:NAME</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Severity, if known.</summary>
    public Severity? Severity { get; init; }

    /// <summary>When it happened (now, for a live incident).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Whether a deployment preceded it.</summary>
    public bool Deployed { get; init; }

    /// <summary>An incident id to leave out of the results (the query's own).</summary>
    public string? Exclude { get; init; }

    /// <summary>
    /// The text's sentence vector (unit length), when the engine computed one; without it, a stored incident's own
    /// vector is used, and otherwise the semantic feature is 0.
    /// </summary>
#pragma warning disable CA1819 // a vector is an array by nature; the record is built once per query
    public float[]? Vector { get; init; }
#pragma warning restore CA1819

    /// <summary>How many results to return.</summary>
    public int Top { get; init; } = 10;

    /// <summary>A query for a stored incident: its text, services, tags, severity, time and deployments; itself excluded.</summary>
    public static SimilarityQuery For(Incident incident, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new SimilarityQuery
        {
            Text = IndexedText.Of(incident),
            Services = incident.Services,
            Tags = [.. IncidentIndex.TagsOf(incident.Tags, incident.FailureMode)],
            Severity = incident.Severity,
            At = incident.At,
            Deployed = incident.Deployments.Count > 0,
            Exclude = incident.Id,
            Top = top,
        };
    }
}
