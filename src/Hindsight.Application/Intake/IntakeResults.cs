using Hindsight.Application.Retrieval;

namespace Hindsight.Application.Intake;

/// <summary>What one event did to one incident.</summary>
/// <param name="Incident">The incident's id.</param>
/// <param name="Action">What the event said: trigger, acknowledge, resolve, reopen, annotate, update.</param>
/// <param name="Created">Whether the incident is new.</param>
/// <param name="Changed">Whether anything changed (a repeated event changes nothing).</param>
public sealed record IntakeOutcome(string Incident, string Action, bool Created, bool Changed);

/// <summary>What a webhook delivery or a new incident did, and — when an incident started — what the history says about it.</summary>
/// <param name="Events">Each event's outcome.</param>
/// <param name="SeenBefore">For an incident that just started: similar past incidents, what helped, whom to call.</param>
/// <param name="Notified">Whether that was sent to the organisation's notification webhook.</param>
public sealed record IntakeResult(IReadOnlyList<IntakeOutcome> Events, SuggestionResult? SeenBefore, bool Notified);
