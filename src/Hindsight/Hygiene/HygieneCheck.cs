using System.Globalization;
using Hindsight.Incidents;

namespace Hindsight.Hygiene;

/// <summary>
/// Postmortem hygiene from the lessons seed 003 records as failures (SPEC §4): every postmortem has tracked action
/// items; responders are part of the review; severity follows a clear rubric. Findings:
/// <list type="bullet">
/// <item><c>no_action_items</c> — a resolved SEV0–SEV2 incident (or one without a severity) with no follow-up item;
/// SEV3 incidents are not expected to have a postmortem. Only checked when the history records action items at all
/// (<see cref="RecordsActionItems"/>): an import of status-page incidents has none, and that is not 800 findings.</item>
/// <item><c>overdue_action_item</c> — an open or in-progress item past its due date.</item>
/// <item><c>no_responders</c> — a postmortem (root causes or action items written) that names no responder: the review
/// cannot have included the people who were there.</item>
/// <item><c>severity_inconsistent</c> — the rubric of <see cref="ExpectedSeverity"/> disagrees by two levels or more.</item>
/// </list>
/// </summary>
public static class HygieneCheck
{
    /// <summary>The kinds of finding, in the order reported.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["no_action_items", "overdue_action_item", "no_responders", "severity_inconsistent"];

    /// <summary>The findings over <paramref name="incidents"/> as of <paramref name="now"/>, in order of kind then start.</summary>
    public static IReadOnlyList<HygieneFinding> Check(IEnumerable<Incident> incidents, DateTimeOffset now) =>
        [.. Tally(incidents, now, int.MaxValue).SelectMany(t => t.First)];

    /// <summary>
    /// Each kind's count and its first <paramref name="first"/> findings, in <see cref="Kinds"/> order: what a report shows,
    /// without writing out every finding (at a million incidents, hundreds of thousands of them).
    /// </summary>
    public static IReadOnlyList<HygieneTally> Tally(IEnumerable<Incident> incidents, DateTimeOffset now, int first)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        var ordered = TimeOrder.ByStartThenId(incidents);
        var postmortems = RecordsActionItems(ordered);
        return [.. Kinds.Select(kind =>
        {
            var hits = Hits(kind, ordered, postmortems, now);
            return new HygieneTally(kind, hits.Count, [.. hits.Take(first).Select(hit => Finding(kind, hit, now))]);
        })];
    }

    /// <summary>What a finding is about: the incident, and for an overdue item the item.</summary>
    private readonly record struct Hit(Incident Incident, ActionItem? Item);

    private static List<Hit> Hits(string kind, IReadOnlyList<Incident> ordered, bool postmortems, DateTimeOffset now) => kind switch
    {
        "no_action_items" => [.. ordered
            .Where(i => postmortems && i.ResolvedAt is not null && i.Severity is not Incidents.Severity.Sev3 && i.ActionItems.Count == 0)
            .Select(i => new Hit(i, null))],
        "overdue_action_item" => [.. ordered
            .SelectMany(i => i.ActionItems.Where(a => a.IsOverdue(now)).Select(a => new Hit(i, a)))
            .OrderBy(h => h.Item!.DueAt)],
        "no_responders" => [.. ordered
            .Where(i => i.Responders.Count == 0 && (i.RootCauses.Count > 0 || i.ActionItems.Count > 0))
            .Select(i => new Hit(i, null))],
        "severity_inconsistent" => [.. ordered
            .Where(i => i.Severity is { } actual && ExpectedSeverity(i) is { } expected && Math.Abs((int)actual - (int)expected) >= 2)
            .Select(i => new Hit(i, null))],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of hygiene finding"),
    };

    private static HygieneFinding Finding(string kind, Hit hit, DateTimeOffset now)
    {
        var i = hit.Incident;
        return new HygieneFinding(kind, i.Id, kind switch
        {
            "no_action_items" => $"{SeverityOf(i)} resolved without a follow-up action item",
            "overdue_action_item" => $"'{hit.Item!.Title}' ({hit.Item.Owner ?? "no owner"}) is {(int)(now - hit.Item.DueAt!.Value).TotalDays} days past due",
            "no_responders" => "postmortem written with no responder recorded",
            _ => $"{SeverityOf(i)} but the impact ({Impact(i)}) reads as {SeverityText.Format(ExpectedSeverity(i)!.Value)}",
        });
    }

    /// <summary>Whether any incident records a follow-up action item (otherwise the history holds no postmortems to check).</summary>
    public static bool RecordsActionItems(IEnumerable<Incident> incidents) => incidents.Any(i => i.ActionItems.Count > 0);

    /// <summary>
    /// The severity the impact suggests (a product rubric; a team's own rubric may differ): SEV0 when 4+ services
    /// were hit or impact lasted 8 h or more; SEV1 for 3 services or 2 h; SEV2 for 2 services or 30 min; else SEV3.
    /// Impact is the time to mitigate (or to resolve). Null when the incident has no impact duration.
    /// </summary>
    public static Severity? ExpectedSeverity(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (ImpactMinutes(incident) is not { } minutes)
        {
            return null;
        }

        var services = incident.Services.Count;
        return services >= 4 || minutes >= 480 ? Incidents.Severity.Sev0
            : services >= 3 || minutes >= 120 ? Incidents.Severity.Sev1
            : services >= 2 || minutes >= 30 ? Incidents.Severity.Sev2
            : Incidents.Severity.Sev3;
    }

    private static double? ImpactMinutes(Incident i) =>
        (i.Durations.TimeToMitigate ?? i.Durations.TimeToResolve) is { } t && t >= TimeSpan.Zero ? t.TotalMinutes : null;

    private static string Impact(Incident i) =>
        $"{i.Services.Count} service(s), {ImpactMinutes(i)!.Value.ToString("0", CultureInfo.InvariantCulture)} min";

    private static string SeverityOf(Incident i) => i.Severity is { } s ? SeverityText.Format(s) : "no severity";
}
