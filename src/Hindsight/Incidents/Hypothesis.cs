namespace Hindsight.Incidents;

/// <summary>A hypothesis the responders tried, how they tested it and what it showed.</summary>
/// <param name="Description">The hypothesis.</param>
/// <param name="Test">How it was tested, if recorded.</param>
/// <param name="Outcome">What the test showed.</param>
public sealed record Hypothesis(string Description, string? Test = null, HypothesisOutcome Outcome = HypothesisOutcome.Untested);
