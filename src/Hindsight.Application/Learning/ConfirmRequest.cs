namespace Hindsight.Application.Learning;

/// <summary>A person's verdict on an incident's failure mode.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="FailureMode">What it really was.</param>
/// <param name="Suggested">What Hindsight had suggested, when the caller saw a suggestion (otherwise the classifier is asked now).</param>
/// <param name="By">Who confirms.</param>
public sealed record ConfirmRequest(string Incident, string FailureMode, string? Suggested = null, string? By = null);
