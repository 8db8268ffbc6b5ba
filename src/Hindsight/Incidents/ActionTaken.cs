namespace Hindsight.Incidents;

/// <summary>Something responders did during the incident.</summary>
/// <param name="Description">What was done.</param>
/// <param name="Helped">Whether it helped; null when nobody recorded it.</param>
/// <param name="At">When it was done, if known.</param>
/// <param name="By">Who did it, if known.</param>
public sealed record ActionTaken(string Description, bool? Helped = null, DateTimeOffset? At = null, string? By = null)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public ActionTaken()
        : this("")
    {
    }
}
