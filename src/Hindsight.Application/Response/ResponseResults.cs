using Hindsight.Incidents;

namespace Hindsight.Application.Response;

/// <summary>An incident as stored after a note.</summary>
/// <param name="Incident">The incident as stored now.</param>
/// <param name="Created">Whether the note created it.</param>
public sealed record IncidentNoteResult(Incident Incident, bool Created);

/// <summary>The hypotheses of an incident after one was recorded.</summary>
/// <param name="Incident">The incident id.</param>
/// <param name="Hypothesis">The hypothesis as stored now.</param>
/// <param name="Updated">Whether it updated one recorded before (same wording) rather than adding one.</param>
/// <param name="Hypotheses">Every hypothesis of the incident, in the order tried.</param>
/// <param name="AdaptationSuccessRate">Of this incident's tested hypotheses, the share confirmed (null when none is tested).</param>
public sealed record HypothesisResult(string Incident, Hypothesis Hypothesis, bool Updated, IReadOnlyList<Hypothesis> Hypotheses, double? AdaptationSuccessRate);
