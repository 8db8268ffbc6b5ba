using System.Globalization;
using Hindsight.Hygiene;
using Hindsight.Incidents;

namespace Hindsight.Postmortems;

/// <summary>
/// The review checklist of a postmortem, from the lessons seed 003 records as failures (SPEC §4): follow-ups are
/// tracked action items (an owner and a due date on each open one), the responders are named so the review can include
/// them, the severity follows the rubric, the wording is blameless; and a review has contributing factors and a
/// timeline to talk about.
/// </summary>
public static class PostmortemReview
{
    /// <summary>The checks, in the order reported.</summary>
    public static readonly IReadOnlyList<string> Checks =
        ["action_items_tracked", "responders_named", "severity_by_rubric", "blameless_wording", "contributing_factors", "timeline"];

    /// <summary>The checklist for <paramref name="incident"/> (as recorded, or as read from a postmortem).</summary>
    public static IReadOnlyList<ReviewCheck> Check(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return [ActionItems(incident), Responders(incident), Severity(incident), Wording(incident), Factors(incident), Timeline(incident)];
    }

    private static ReviewCheck ActionItems(Incident i)
    {
        if (i.ActionItems.Count == 0)
        {
            return new ReviewCheck("action_items_tracked", false, "no action item: write at least one follow-up (prevent, detect, respond, recover or a regression test)");
        }

        var untracked = i.ActionItems
            .Where(a => a.Status is ActionItemStatus.Open or ActionItemStatus.InProgress && (string.IsNullOrWhiteSpace(a.Owner) || a.DueAt is null))
            .Select(a => $"'{a.Title}' has no {(string.IsNullOrWhiteSpace(a.Owner) ? a.DueAt is null ? "owner or due date" : "owner" : "due date")}")
            .ToList();
        return untracked.Count == 0
            ? new ReviewCheck("action_items_tracked", true, $"{i.ActionItems.Count} action item(s), each open one with an owner and a due date")
            : new ReviewCheck("action_items_tracked", false, string.Join("; ", untracked));
    }

    private static ReviewCheck Responders(Incident i) => i.Responders.Count == 0
        ? new ReviewCheck("responders_named", false, "no responder named: the review cannot include the people who were there")
        : new ReviewCheck("responders_named", true, string.Join(", ", i.Responders.Select(r => r.Role is null ? r.Name : $"{r.Name} ({r.Role})")));

    private static ReviewCheck Severity(Incident i)
    {
        var expected = HygieneCheck.ExpectedSeverity(i);
        if (i.Severity is not { } actual)
        {
            return new ReviewCheck("severity_by_rubric", false,
                "no severity" + (expected is { } e ? $"; the impact reads as {SeverityText.Format(e)}" : "; record the impact's duration to apply the rubric"));
        }

        if (expected is not { } rubric)
        {
            return new ReviewCheck("severity_by_rubric", true, $"{SeverityText.Format(actual)}; no impact duration recorded to check it against the rubric");
        }

        var off = Math.Abs((int)actual - (int)rubric);
        return new ReviewCheck("severity_by_rubric", off < 2,
            off == 0 ? $"{SeverityText.Format(actual)}, as the rubric reads the impact"
            : string.Create(CultureInfo.InvariantCulture, $"{SeverityText.Format(actual)}; the rubric reads the impact as {SeverityText.Format(rubric)}{(off < 2 ? " (one level apart)" : "")}"));
    }

    private static ReviewCheck Wording(Incident i)
    {
        var text = string.Join("\n", new[] { i.Title, i.Summary }
            .Concat(i.RootCauses.Select(r => r.Description))
            .Concat(i.Actions.Select(a => a.Description))
            .Concat(i.Hypotheses.Select(h => h.Description + " " + h.Test))
            .Concat(i.Timeline.Select(t => t.Text))
            .Concat(i.ActionItems.Select(a => a.Title)));
        var found = BlamingLanguage.Find(text);
        return found.Count == 0
            ? new ReviewCheck("blameless_wording", true, "no blaming phrase found")
            : new ReviewCheck("blameless_wording", false, $"blaming wording: {string.Join(", ", found.Select(f => $"\"{f}\""))}; describe what the system allowed and why the action made sense at the time");
    }

    private static ReviewCheck Factors(Incident i)
    {
        if (i.RootCauses.Count == 0)
        {
            return new ReviewCheck("contributing_factors", false, "no contributing factor: name what made the failure possible (technical, process, human, organisational)");
        }

        var kinds = i.RootCauses.Select(r => r.Kind).Distinct().Order().Select(k => k.ToString().ToLowerInvariant());
        return new ReviewCheck("contributing_factors", true, $"{i.RootCauses.Count} factor(s): {string.Join(", ", kinds)}");
    }

    private static ReviewCheck Timeline(Incident i) => i.Timeline.Count == 0
        ? new ReviewCheck("timeline", false, "no timeline: list what happened when, from the first signal to the resolution")
        : new ReviewCheck("timeline", true, $"{i.Timeline.Count} entries");
}
