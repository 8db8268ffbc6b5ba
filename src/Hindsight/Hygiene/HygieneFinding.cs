namespace Hindsight.Hygiene;

/// <summary>One postmortem-hygiene finding.</summary>
/// <param name="Kind">no_action_items, overdue_action_item, no_responders or severity_inconsistent.</param>
/// <param name="Incident">The incident.</param>
/// <param name="Detail">What is wrong, in words (an overdue item's title, owner and days late; the severity and the impact).</param>
public sealed record HygieneFinding(string Kind, string Incident, string Detail);
