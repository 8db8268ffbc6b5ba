namespace Hindsight.Incidents;

/// <summary>A link from one incident to another, made by people.</summary>
/// <param name="Id">The other incident's id.</param>
/// <param name="Kind">How they are related.</param>
public sealed record IncidentLink(string Id, LinkKind Kind)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public IncidentLink()
        : this("", LinkKind.Duplicate)
    {
    }
}
