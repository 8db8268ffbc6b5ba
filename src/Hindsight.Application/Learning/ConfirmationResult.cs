namespace Hindsight.Application.Learning;

/// <summary>A recorded confirmation.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Suggested">What was suggested (null: "not sure", or nothing to learn from).</param>
/// <param name="Confidence">The suggestion's probability, when the classifier was asked now.</param>
/// <param name="Confirmed">What the person confirmed.</param>
/// <param name="Correct">Whether the suggestion was right.</param>
/// <param name="FailureModeSet">Whether the incident's failure mode was changed to the confirmed one.</param>
/// <param name="RootCauseAccuracy">Root-cause accuracy over all confirmations, after this one.</param>
public sealed record ConfirmationResult(string Incident, string? Suggested, double? Confidence, string Confirmed, bool Correct, bool FailureModeSet, RateFigure RootCauseAccuracy);
