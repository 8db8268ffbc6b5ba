namespace Hindsight.Incidents;

/// <summary>A hypothesis the responders tried, how they tested it and what it showed.</summary>
/// <param name="Description">The hypothesis.</param>
/// <param name="Test">How it was tested, if recorded.</param>
/// <param name="Outcome">What the test showed.</param>
public sealed record Hypothesis(string Description, string? Test = null, HypothesisOutcome Outcome = HypothesisOutcome.Untested)
{
    /// <summary>For the JSON reader: setting properties is much faster than its constructor-argument path.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Hypothesis()
        : this("")
    {
    }
}
