namespace Hindsight.Incidents;

/// <summary>A person who took part in the response.</summary>
/// <param name="Name">The person's name or handle.</param>
/// <param name="Role">Their role, e.g. <c>incident_commander</c>, <c>resolver</c>, <c>communications</c>, <c>responder</c>.</param>
public sealed record Responder(string Name, string? Role = null)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Responder()
        : this("")
    {
    }
}
