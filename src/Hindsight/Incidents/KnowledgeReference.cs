namespace Hindsight.Incidents;

/// <summary>A past incident, runbook or document consulted while responding.</summary>
/// <param name="Kind">What was consulted: <c>incident</c>, <c>runbook</c> or <c>document</c>.</param>
/// <param name="Ref">Its id, path or URL.</param>
/// <param name="Helped">Whether it helped, if recorded.</param>
public sealed record KnowledgeReference(string Kind, string Ref, bool? Helped = null)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public KnowledgeReference()
        : this("", "")
    {
    }

    /// <summary>When the runbook or document was last changed, if the source knows (incidents change when they are updated).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
