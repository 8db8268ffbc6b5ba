using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Postmortems;

/// <summary>
/// A blameless postmortem draft of a recorded incident, in Hindsight's own Markdown postmortem format so that it ingests
/// back to the same incident: summary, impact, timeline, contributing factors by kind, what helped and what did not,
/// hypotheses, action items by kind, similar past incidents and whether this is a repeat, and the review checklist.
/// Deterministic: the same record and history give the same text.
/// </summary>
/// <remarks>
/// Facts with no readable section (timestamps, services, responders, links, …) go in the front matter. Every other fact is
/// written as a section; the draft is then read back, and a fact the section did not carry exactly (a title ending in
/// '#', a list item spanning lines, a comma inside an owner's name) is written in the front matter instead, which wins on
/// ingest. So a draft always ingests back to the incident it was drafted from.
/// </remarks>
public static class PostmortemDraft
{
    /// <summary>The fields always written in the front matter.</summary>
    private static readonly string[] FrontMatterFields =
    [
        "id", "severity", "team", "services", "tags", "failure_mode", "started_at", "detected_at", "acknowledged_at", "mitigated_at",
        "resolved_at", "responders", "deployments", "links", "consulted", "risks", "source",
    ];

    /// <summary>The fields written as sections when they read back exactly.</summary>
    private static readonly string[] SectionFields = ["title", "summary", "timeline", "root_causes", "actions", "hypotheses", "action_items"];

    private static readonly JsonSerializerOptions Yaml = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ActionItemKind[] KindOrder = [ActionItemKind.Prevent, ActionItemKind.Detect, ActionItemKind.Respond, ActionItemKind.Recover, ActionItemKind.RegressionTest];

    /// <summary>The draft of <paramref name="incident"/> with what <paramref name="context"/> knows of the history.</summary>
    public static string Write(Incident incident, DraftContext context)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(context);
        var original = Canonical(incident);
        var front = new List<string>(FrontMatterFields);
        for (var attempt = 0; attempt <= SectionFields.Length; attempt++)
        {
            var text = Compose(incident, context, original, front);
            var back = ReadBack(text, incident.Id);
            var moved = SectionFields.Where(f => !front.Contains(f) && (back is null || !SameFact(f, original[f], back[f]))).ToList();
            if (back is not null && moved.Count == 0 && SectionFields.All(f => SameFact(f, original[f], back[f])))
            {
                return text;
            }

            front.AddRange(moved.Count > 0 ? moved : SectionFields.Where(f => !front.Contains(f)));
        }

        throw new InvalidOperationException($"the postmortem draft of {incident.Id} does not read back to the same incident");
    }

    /// <summary>The canonical JSON of a record as a tree (what the front matter is written from and facts are compared in).</summary>
    public static JsonObject Canonical(Incident incident) => (JsonObject)JsonNode.Parse(CanonicalJson.Serialize(incident with { Org = null }))!;

    /// <summary>
    /// Whether two canonical values state the same fact. Action items are compared kind by kind, as the draft groups them
    /// by kind (the order within a kind is kept).
    /// </summary>
    public static bool SameFact(string field, JsonNode? a, JsonNode? b) =>
        field == "action_items" ? JsonNode.DeepEquals(ByKind(a), ByKind(b)) : JsonNode.DeepEquals(a, b);

    private static JsonArray? ByKind(JsonNode? items) => items is JsonArray array
        ? new JsonArray([.. array.Select((n, i) => (Node: n, Index: i)).OrderBy(x => KindRank(x.Node?["kind"]?.GetValue<string>())).ThenBy(x => x.Index).Select(x => x.Node?.DeepClone())])
        : null;

    private static int KindRank(string? kind) => kind switch
    {
        "prevent" or null => 0,
        "detect" => 1,
        "respond" => 2,
        "recover" => 3,
        _ => 4,
    };

    private static JsonObject? ReadBack(string text, string id)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var parsed = new MarkdownFormat(id + ".md").Read(stream, ImportLimits.Default).Single();
        return parsed.Record is Incident i ? Canonical(i) : null;
    }

    private static string Compose(Incident i, DraftContext context, JsonObject canonical, IReadOnlyList<string> front)
    {
        var md = new StringBuilder();
        md.Append("---\n");
        foreach (var field in front)
        {
            var value = canonical[field];
            if (value is not null && (value is not JsonArray { Count: 0 } || SectionFields.Contains(field)))
            {
                md.Append(field).Append(": ").Append(value.ToJsonString(Yaml)).Append('\n'); // a moved list may be empty: "timeline: []" says none
            }
            else if (value is null && SectionFields.Contains(field))
            {
                md.Append(field).Append(": null\n");
            }
        }

        md.Append("---\n");
        md.Append("# ").Append(i.Title).Append("\n\n"); // when the title is kept in the front matter too, the front matter wins
        md.Append("> A blameless postmortem drafted by Hindsight from the incident record. It describes what happened and what the\n");
        md.Append("> system allowed, not who is at fault. Edit it, then `hindsight ingest` this file to store the changes.\n");
        var inFront = SectionFields.Where(f => f != "title" && front.Contains(f)).ToList();
        if (inFront.Count > 0)
        {
            md.Append("> Kept in the front matter, to be edited there (a section could not carry them exactly): ").Append(string.Join(", ", inFront)).Append(".\n");
        }

        Section(md, i, front, "summary", Summary);
        Impact(md, i);
        Section(md, i, front, "timeline", Timeline);
        Section(md, i, front, "root_causes", Factors);
        Section(md, i, front, "actions", Actions);
        Section(md, i, front, "hypotheses", Hypotheses);
        Section(md, i, front, "action_items", ActionItems);
        Similar(md, i, context);
        Checklist(md, i);
        Missing(md, i);
        return md.ToString();
    }

    private static void Section(StringBuilder md, Incident i, IReadOnlyList<string> front, string field, Action<StringBuilder, Incident> write)
    {
        if (!front.Contains(field))
        {
            write(md, i);
        }
    }

    private static void Summary(StringBuilder md, Incident i)
    {
        if (!string.IsNullOrWhiteSpace(i.Summary))
        {
            md.Append("\n## Summary\n\n").Append(i.Summary.Trim()).Append('\n');
        }
    }

    private static void Impact(StringBuilder md, Incident i)
    {
        md.Append("\n## Impact and duration\n\n");
        var rubric = Hygiene.HygieneCheck.ExpectedSeverity(i);
        md.Append("- Severity: ").Append(i.Severity is { } s ? SeverityText.Format(s) : "not assessed")
          .Append(rubric is { } r ? $" (the rubric reads the impact as {SeverityText.Format(r)})" : "").Append('\n');
        md.Append("- Services affected: ").Append(i.Services.Count == 0 ? "none recorded" : string.Join(", ", i.Services)).Append('\n');
        md.Append(i.Undated ? "- Start time not recorded (undated)" : "- Started " + Stamp(i.StartedAt));
        var d = i.Durations;
        var steps = new[] { ("detected", d.TimeToDetect), ("acknowledged", d.TimeToAcknowledge), ("mitigated", d.TimeToMitigate), ("resolved", d.TimeToResolve) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1} after {Span(x.Item2!.Value)}").ToList();
        md.Append(steps.Count == 0 ? "; not resolved yet" : "; " + string.Join(", ", steps)).Append('\n');
        if (i.Responders.Count > 0)
        {
            md.Append("- Responders: ").Append(string.Join(", ", i.Responders.Select(x => x.Role is null ? x.Name : $"{x.Name} ({x.Role.Replace('_', ' ')})"))).Append('\n');
        }
    }

    private static void Timeline(StringBuilder md, Incident i)
    {
        if (i.Timeline.Count == 0)
        {
            return;
        }

        md.Append("\n## Timeline\n\n");
        foreach (var t in i.Timeline)
        {
            md.Append("- ").Append(Stamp(t.At)).Append(" — ").Append(t.Text).Append('\n');
        }
    }

    private static void Factors(StringBuilder md, Incident i)
    {
        if (i.RootCauses.Count == 0)
        {
            return;
        }

        md.Append("\n## Contributing factors\n\n");
        var counts = Enum.GetValues<RootCauseKind>().Select(k => $"{Name(k)} {i.RootCauses.Count(r => r.Kind == k)}");
        md.Append("Recorded by kind: ").Append(string.Join(", ", counts)).Append(".\n\n");
        foreach (var r in i.RootCauses)
        {
            md.Append("- **").Append(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Name(r.Kind))).Append(":** ").Append(r.Description).Append('\n');
        }
    }

    private static void Actions(StringBuilder md, Incident i)
    {
        if (i.Actions.Count == 0)
        {
            return;
        }

        md.Append("\n## Actions taken\n\n");
        md.Append("What helped and what did not:\n\n");
        foreach (var a in i.Actions)
        {
            md.Append("- ").Append(a.Description).Append(a.Helped switch { true => " (helped)", false => " (did not help)", null => "" });
            var who = new List<string>();
            if (!string.IsNullOrWhiteSpace(a.By))
            {
                who.Add("by: " + a.By);
            }

            if (a.At is { } at)
            {
                who.Add("at: " + Stamp(at));
            }

            md.Append(who.Count == 0 ? "" : $" ({string.Join(", ", who)})").Append('\n');
        }
    }

    private static void Hypotheses(StringBuilder md, Incident i)
    {
        if (i.Hypotheses.Count == 0)
        {
            return;
        }

        md.Append("\n## Hypotheses\n\n");
        foreach (var h in i.Hypotheses)
        {
            md.Append("- ").Append(h.Description);
            if (!string.IsNullOrWhiteSpace(h.Test))
            {
                md.Append(" — tested by: ").Append(h.Test);
            }

            md.Append(h.Outcome == HypothesisOutcome.Untested ? "" : $" ({h.Outcome.ToString().ToLowerInvariant()})").Append('\n');
        }
    }

    private static void ActionItems(StringBuilder md, Incident i)
    {
        if (i.ActionItems.Count == 0)
        {
            return;
        }

        md.Append("\n## Action items\n");
        foreach (var kind in KindOrder)
        {
            var items = i.ActionItems.Where(a => a.Kind == kind).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            md.Append("\n### ").Append(kind == ActionItemKind.RegressionTest ? "Regression test" : kind.ToString()).Append("\n\n");
            foreach (var a in items)
            {
                md.Append("- [").Append(a.Status == ActionItemStatus.Done ? 'x' : ' ').Append("] ").Append(a.Title);
                var meta = new List<string>();
                Add(meta, "owner", a.Owner);
                Add(meta, "due", a.DueAt is { } due ? Date(due) : null);
                Add(meta, "status", a.Status is ActionItemStatus.InProgress ? "in_progress" : a.Status is ActionItemStatus.Cancelled ? "cancelled" : null);
                Add(meta, "id", a.Id);
                Add(meta, "created", a.CreatedAt is { } c ? Date(c) : null);
                Add(meta, "completed", a.CompletedAt is { } done ? Date(done) : null);
                Add(meta, "expected effect", a.ExpectedEffect?.ToString("R", CultureInfo.InvariantCulture));
                Add(meta, "measured effect", a.MeasuredEffect?.ToString("R", CultureInfo.InvariantCulture));
                md.Append(meta.Count == 0 ? "" : $" ({string.Join(", ", meta)})").Append('\n');
            }
        }
    }

    private static void Similar(StringBuilder md, Incident i, DraftContext context)
    {
        md.Append("\n## Similar past incidents\n\n");
        if (context.RepeatOf is { } repeat)
        {
            md.Append("**This is a repeat:** it repeats the root cause of ").Append(repeat.Id).Append(" (").Append(repeat.Title).Append(", ")
              .Append(Day(repeat.StartedAt)).Append("). Ask in the review why the earlier follow-ups did not prevent it.\n\n");
        }
        else if (!Metrics.Recurrence.CanJudge(i))
        {
            md.Append("Whether this is a repeat cannot be judged yet: that needs a failure mode and a root-cause description.\n\n");
        }
        else
        {
            md.Append("Not a repeat: no earlier incident in the last ").Append(Metrics.Recurrence.WindowDays)
              .Append(" days has the same failure mode, a shared service and a similar root cause.\n\n");
        }

        var similar = context.Similar.Where(s => s.Incident.Id != i.Id).ToList();
        if (similar.Count == 0)
        {
            md.Append("No similar past incident found.\n");
            return;
        }

        foreach (var s in similar)
        {
            var p = s.Incident;
            md.Append("- ").Append(p.Id).Append(" (").Append(p.Undated ? "undated" : Day(p.StartedAt)).Append(", score ").Append(s.Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("): ").Append(p.Title);
            var helped = p.Actions.Where(a => a.Helped == true).Select(a => a.Description).Take(3).ToList();
            if (helped.Count > 0)
            {
                md.Append(" — what helped: ").Append(string.Join("; ", helped));
            }

            md.Append('\n');
        }
    }

    private static void Checklist(StringBuilder md, Incident i)
    {
        md.Append("\n## Review checklist\n\n");
        foreach (var c in PostmortemReview.Check(i))
        {
            md.Append("- [").Append(c.Passed ? 'x' : ' ').Append("] ").Append(CheckTitle(c.Name)).Append(": ").Append(c.Detail).Append('\n');
        }
    }

    private static void Missing(StringBuilder md, Incident i)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(i.Summary))
        {
            missing.Add("a summary: what happened and who was affected, in a few sentences (section `## Summary`)");
        }

        if (i.Timeline.Count == 0)
        {
            missing.Add("a timeline: `- 2024-05-02 09:14 UTC — what happened` under `## Timeline`");
        }

        if (i.RootCauses.Count == 0)
        {
            missing.Add("contributing factors: `- **Technical:** …`, `**Process:**`, `**Human:**`, `**Organisational:**` under `## Contributing factors`");
        }

        if (i.Actions.Count == 0)
        {
            missing.Add("what was tried during the response and whether it helped, under `## Actions taken`");
        }

        if (i.ActionItems.Count == 0)
        {
            missing.Add("follow-up action items under `## Action items` (`### Prevent`, `### Detect`, …), each `- [ ] title (owner: name, due: 2024-06-01)`");
        }

        if (missing.Count == 0)
        {
            return;
        }

        md.Append("\n## Still to write\n\n");
        foreach (var m in missing)
        {
            md.Append("- ").Append(m).Append('\n');
        }
    }

    private static string CheckTitle(string name) => name switch
    {
        "action_items_tracked" => "Follow-ups are tracked action items",
        "responders_named" => "The responders are named and invited to the review",
        "severity_by_rubric" => "Severity follows the rubric",
        "blameless_wording" => "Blameless wording",
        "contributing_factors" => "Contributing factors are written down",
        "timeline" => "A timeline to walk through",
        _ => name,
    };

    private static void Add(List<string> meta, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            meta.Add($"{key}: {value}");
        }
    }

    private static string Name(RootCauseKind kind) => kind.ToString().ToLowerInvariant();

    private static string Stamp(DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return u.Ticks % TimeSpan.TicksPerMinute == 0 ? u.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : u.Ticks % TimeSpan.TicksPerSecond == 0 ? u.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : u.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF 'UTC'", CultureInfo.InvariantCulture);
    }

    private static string Date(DateTimeOffset t) => t.UtcDateTime.TimeOfDay == TimeSpan.Zero
        ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Span(TimeSpan s) => s switch
    {
        { TotalMinutes: < 1 } => $"{s.TotalSeconds:0} s",
        { TotalHours: < 1 } => $"{s.TotalMinutes:0} min",
        { TotalDays: < 1 } => $"{(int)s.TotalHours} h {s.Minutes:00} min",
        _ => $"{(int)s.TotalDays} d {s.Hours} h",
    };
}
