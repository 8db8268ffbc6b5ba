namespace Hindsight.Application.Response;

/// <summary>
/// What a responder (or an assistant beside them) knows of an incident so far. Creates the incident when its id is new
/// (a title is then required; the start defaults to now) or adds to it: each field given replaces the stored one, and
/// the lists given (services, tags, responders) are added to the stored lists.
/// </summary>
/// <param name="Id">The incident id (over HTTP it comes from the route, so a body may leave it out).</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Summary">What is happening or happened.</param>
/// <param name="Severity">SEV0–SEV3.</param>
/// <param name="Services">Services affected.</param>
/// <param name="Tags">Free tags.</param>
/// <param name="Team">The owning team.</param>
/// <param name="FailureMode">The failure mode, if known.</param>
/// <param name="StartedAt">When the impact began.</param>
/// <param name="DetectedAt">When it was detected.</param>
/// <param name="AcknowledgedAt">When a responder acknowledged it.</param>
/// <param name="MitigatedAt">When the impact was mitigated.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="Responders">People responding, with their roles.</param>
public sealed record IncidentNote(
    string Id = "",
    string? Title = null,
    string? Summary = null,
    string? Severity = null,
    IReadOnlyList<string>? Services = null,
    IReadOnlyList<string>? Tags = null,
    string? Team = null,
    string? FailureMode = null,
    string? StartedAt = null,
    string? DetectedAt = null,
    string? AcknowledgedAt = null,
    string? MitigatedAt = null,
    string? ResolvedAt = null,
    IReadOnlyList<ResponderNote>? Responders = null);

/// <summary>A person responding.</summary>
/// <param name="Name">Their name or handle.</param>
/// <param name="Role">Their role (incident_commander, communications, …), if any.</param>
public sealed record ResponderNote(string Name, string? Role = null);

/// <summary>A hypothesis tried during a response: what the responders suspected, how they tested it, what it showed.</summary>
/// <param name="Hypothesis">What is suspected.</param>
/// <param name="Test">How it was (or will be) tested.</param>
/// <param name="Outcome">untested, confirmed, rejected or inconclusive.</param>
public sealed record HypothesisNote(string Hypothesis, string? Test = null, string? Outcome = null);
