namespace Hindsight.Drills;

/// <summary>What a team answered: the five tasks of the exercise.</summary>
/// <param name="Severity">SEV0–SEV3, as text ("SEV1") or a number.</param>
/// <param name="RootCause">The root cause they identified.</param>
/// <param name="BlastRadius">The services they think are affected.</param>
/// <param name="Remediation">The immediate actions they propose.</param>
/// <param name="RegressionTests">The regression tests they design.</param>
/// <param name="Participants">Who took part.</param>
/// <param name="Team">Their team.</param>
public sealed record DrillAnswers(
    string? Severity = null,
    string? RootCause = null,
    IReadOnlyList<string>? BlastRadius = null,
    IReadOnlyList<string>? Remediation = null,
    IReadOnlyList<string>? RegressionTests = null,
    IReadOnlyList<string>? Participants = null,
    string? Team = null);
