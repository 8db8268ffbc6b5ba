namespace Hindsight.Incidents;

/// <summary>Where a record came from.</summary>
/// <param name="Format">The import format, e.g. <c>jsonl</c>, <c>csv</c>, <c>markdown</c>, <c>statuspage</c>, <c>bugreports</c>, <c>generator</c>.</param>
/// <param name="Uri">The source's own address for the record, if it has one.</param>
public sealed record Provenance(string Format, string? Uri = null)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Provenance()
        : this("")
    {
    }
}
