using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Hindsight.Import;

/// <summary>
/// A Markdown postmortem: YAML front matter with canonical fields, then the usual sections — Summary, Timeline,
/// Root cause, Contributing factors, Actions taken, Action items, Hypotheses. Fields in the front matter win over sections.
/// </summary>
/// <param name="fileName">The file's name; its stem is the incident id when the front matter has none.</param>
public sealed partial class MarkdownFormat(string fileName) : IRecordFormat
{
    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxRecordBytes)
            {
                return [ParsedRecord.Invalid(0, "", $"postmortem is larger than {limits.MaxRecordBytes:N0} bytes; expected one postmortem per file")];
            }

            buffer.Write(chunk, 0, read);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return [ParsedRecord.Invalid(0, "", "file is not valid UTF-8 text; expected a Markdown postmortem")];
        }

        return [Parse(text, limits)];
    }

    private ParsedRecord Parse(string text, ImportLimits limits)
    {
        var raw = () => text.Length > limits.MaxRawExcerpt ? text[..limits.MaxRawExcerpt] + "…" : text;
        MarkdownSections doc;
        try
        {
            doc = MarkdownSections.Split(text);
        }
        catch (FormatException ex)
        {
            return ParsedRecord.Invalid(1, "", ex.Message, raw());
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        Incident incident;
        try
        {
            var json = FrontMatterJson(doc, lines);
            json.TryAdd("id", Path.GetFileNameWithoutExtension(fileName));
            if (!json.ContainsKey("started_at") && !json.ContainsKey("undated"))
            {
                json["undated"] = true; // a narrative with no start time: stored, and left out of time figures
            }

            if (doc.Heading is not null)
            {
                json.TryAdd("title", doc.Heading);
            }

            incident = (Incident)CanonicalJson.Deserialize(RecordKind.Incident, Encoding.UTF8.GetBytes(json.ToJsonString()));
        }
        catch (JsonException ex)
        {
            var error = JsonErrorText.Describe(ex);
            var key = error.Field.Split('.', '[')[0];
            return new ParsedRecord(lines.GetValueOrDefault(key, 1), null, [error], raw());
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            return ParsedRecord.Invalid((int)ex.Start.Line + 1, "", $"front matter is not valid YAML: {ex.Message}", raw());
        }

        incident = RecordNormaliser.Normalise(FillFromSections(incident, doc, lines.Keys.ToHashSet(StringComparer.Ordinal)));
        return JsonLines.Checked(1, incident, raw);
    }

    private static System.Text.Json.Nodes.JsonObject FrontMatterJson(MarkdownSections doc, Dictionary<string, int> lines)
    {
        if (doc.FrontMatter is null)
        {
            return [];
        }

        var yaml = YamlText.Load(new StringReader(doc.FrontMatter));
        if (yaml.Documents.Count == 0)
        {
            return [];
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new JsonException("front matter must be a YAML mapping of canonical fields (id, title, severity, …)");
        }

        foreach (var (key, _) in map.Children)
        {
            lines[key.ToString()] = (int)key.Start.Line + 1; // +1 for the opening ---
        }

        var json = (System.Text.Json.Nodes.JsonObject)YamlToJson.Convert(map)!;
        foreach (var key in json.Select(p => p.Key).ToList())
        {
            if (SiteKeys.Contains(key))
            {
                json.Remove(key);
            }
            else if (Aliases.TryGetValue(key, out var field))
            {
                var value = json[key];
                json.Remove(key); // the canonical field wins when both are there
                if (!json.ContainsKey(field))
                {
                    json[field] = field == "services" && value is System.Text.Json.Nodes.JsonValue one ? new System.Text.Json.Nodes.JsonArray(one.DeepClone()) : value?.DeepClone();
                    lines[field] = lines[key];
                }
            }
        }

        return json;
    }

    /// <summary>Front matter keys of static site generators that say nothing about the incident; they are dropped.</summary>
    private static readonly HashSet<string> SiteKeys = new(StringComparer.Ordinal)
    {
        "layout", "draft", "permalink", "slug", "weight", "aliases", "toc", "author", "authors", "lastmod", "image",
        "keywords", "url", "type", "menu", "categories", "comments", "published", "excerpt", "sidebar", "nav_order",
    };

    /// <summary>Front matter keys that blogs and postmortem templates use for a canonical field.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["date"] = "started_at",
        ["start"] = "started_at",
        ["started"] = "started_at",
        ["description"] = "summary",
        ["resolved"] = "resolved_at",
        ["service"] = "services",
        ["owner"] = "team",
    };

    private static Incident FillFromSections(Incident i, MarkdownSections doc, IReadOnlySet<string> front)
    {
        var summary = new List<string>();
        var rootCauses = new List<RootCause>();
        var actions = new List<ActionTaken>();
        var items = new List<ActionItem>();
        var timeline = new List<TimelineEntry>();
        var hypotheses = new List<Hypothesis>();
        // A deeper heading the reader does not know ("### Prevent" under "## Action items") continues the section above
        // it, and its words are a hint for the items under it (the action items' kind, even when the word also names a
        // section: "### Response" under action items is the respond kind). A known deeper heading is a section of its own.
        (string Key, int Level)? parent = null;
        foreach (var section in doc.Sections)
        {
            var key = section.Key;
            string? hint = null;
            var deeper = parent is { } p && section.Level > p.Level;
            if (deeper && (!KnownSections.Contains(key) || (ActionItemSections.Contains(parent!.Value.Key) && KindOf(key) is not null)))
            {
                (key, hint) = (parent!.Value.Key, section.Key);
            }
            else if (!deeper)
            {
                parent = KnownSections.Contains(key) ? (key, section.Level) : null;
            }

            switch (key)
            {
                case "summary" or "overview" or "description" or "what happened" or "incident summary":
                    summary.Add(section.Text);
                    break;
                case "impact" or "customer impact":
                    summary.Add("Impact: " + section.Text);
                    break;
                case "root cause" or "root causes" or "cause" or "root cause analysis" or "causes":
                    rootCauses.AddRange(section.Items().Select(t => ToRootCause(t.Text, RootCauseKind.Technical)));
                    break;
                case "contributing factors" or "contributing factor":
                    rootCauses.AddRange(section.Items().Select(t => ToRootCause(t.Text, RootCauseKind.Process)));
                    break;
                case "actions taken" or "resolution" or "response" or "mitigation" or "what we did" or "resolution and recovery":
                    actions.AddRange(section.Items().Select(t => ToAction(t.Text)));
                    break;
                case var _ when ActionItemSections.Contains(key):
                    var kind = (hint is null ? null : KindOf(hint)) ?? ActionItemKind.Prevent;
                    items.AddRange(section.Items().Select(t => ToActionItem(t.Text, kind)));
                    break;
                case "timeline":
                    timeline.AddRange(section.Items().Select(t => ToTimeline(t.Text, i.StartedAt)).OfType<TimelineEntry>());
                    break;
                case "hypotheses" or "hypotheses tried":
                    hypotheses.AddRange(section.Items().Select(t => ToHypothesis(t.Text)));
                    break;
            }
        }

        // A field the front matter names wins, even an empty list ("timeline: []" means none).
        IReadOnlyList<T> Pick<T>(string field, IReadOnlyList<T> given, List<T> read) => front.Contains(field) || given.Count > 0 ? given : read;
        return i with
        {
            Summary = front.Contains("summary") || i.Summary is not null ? i.Summary : (summary.Count > 0 ? string.Join("\n\n", summary) : null),
            RootCauses = Pick("root_causes", i.RootCauses, rootCauses),
            Actions = Pick("actions", i.Actions, actions),
            ActionItems = Pick("action_items", i.ActionItems, items),
            Timeline = Pick("timeline", i.Timeline, timeline),
            Hypotheses = Pick("hypotheses", i.Hypotheses, hypotheses),
        };
    }

    private static ActionItemKind? KindOf(string words) => new ActionItemKindConverter().TryParse(words.Replace(' ', '_'), out var kind) ? kind : null;

    /// <summary>The headings of the action items' section.</summary>
    private static readonly HashSet<string> ActionItemSections = new(StringComparer.Ordinal)
    {
        "action items", "follow ups", "followups", "follow up", "corrective actions", "remediation", "next steps", "follow up actions",
    };

    /// <summary>The section headings the reader takes facts from (folded as <see cref="MarkdownSection.Key"/>).</summary>
    private static readonly HashSet<string> KnownSections = new(StringComparer.Ordinal)
    {
        "summary", "overview", "description", "what happened", "incident summary", "impact", "customer impact",
        "root cause", "root causes", "cause", "root cause analysis", "causes", "contributing factors", "contributing factor",
        "actions taken", "resolution", "response", "mitigation", "what we did", "resolution and recovery",
        "action items", "follow ups", "followups", "follow up", "corrective actions", "remediation", "next steps", "follow up actions",
        "timeline", "hypotheses", "hypotheses tried",
    };

    private static RootCause ToRootCause(string text, RootCauseKind fallback)
    {
        var m = KindPrefix().Match(text);
        if (m.Success && new RootCauseKindConverter().TryParse(m.Groups[1].Value, out var kind))
        {
            return new RootCause(kind, text[m.Length..].Trim());
        }

        return new RootCause(fallback, text);
    }

    private static ActionTaken ToAction(string text)
    {
        // "(by: NAME, at: TIMESTAMP)" (either part) ends a line written by a draft; left as text when the time does not read.
        string? by = null;
        DateTimeOffset? at = null;
        var who = ActionBy().Match(text);
        if (who.Success && (who.Groups["by"].Success || who.Groups["at"].Success))
        {
            var when = default(DateTimeOffset);
            if (!who.Groups["at"].Success || TimestampConverter.TryParse(who.Groups["at"].Value.Trim(), out when))
            {
                by = who.Groups["by"].Success ? who.Groups["by"].Value.Trim() : null;
                at = who.Groups["at"].Success ? when : null;
                text = text[..who.Index].Trim();
            }
        }

        bool? helped = null;
        var m = HelpedMark().Match(text);
        if (m.Success)
        {
            helped = !m.Value.Contains("not", StringComparison.OrdinalIgnoreCase) && !m.Value.Contains("no ", StringComparison.OrdinalIgnoreCase)
                && !m.Value.Contains('❌', StringComparison.Ordinal) && !m.Value.Contains("didn", StringComparison.OrdinalIgnoreCase);
            text = text.Remove(m.Index, m.Length).Trim();
        }

        return new ActionTaken(text, helped, at, by);
    }

    private static ActionItem ToActionItem(string text, ActionItemKind kind)
    {
        var status = ActionItemStatus.Open;
        var box = Checkbox().Match(text);
        if (box.Success)
        {
            status = box.Groups[1].Value is "x" or "X" ? ActionItemStatus.Done : ActionItemStatus.Open;
            text = text[box.Length..].Trim();
        }

        var item = new ActionItem { Status = status, Kind = kind };
        var meta = Metadata().Match(text);
        if (meta.Success)
        {
            text = text[..meta.Index].Trim().TrimEnd('—', '-', ' ');
            foreach (var pair in meta.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var kv = pair.Split(':', 2, StringSplitOptions.TrimEntries);
                if (kv.Length != 2)
                {
                    continue;
                }

                item = kv[0].ToLowerInvariant() switch
                {
                    "owner" => item with { Owner = kv[1].TrimStart('@') },
                    "due" when TimestampConverter.TryParse(kv[1], out var due) => item with { DueAt = due },
                    "kind" or "type" when new ActionItemKindConverter().TryParse(kv[1], out var k) => item with { Kind = k },
                    "status" when new ActionItemStatusConverter().TryParse(kv[1], out var s) => item with { Status = s },
                    "id" => item with { Id = kv[1] },
                    "created" when TimestampConverter.TryParse(kv[1], out var created) => item with { CreatedAt = created },
                    "completed" or "done" when TimestampConverter.TryParse(kv[1], out var completed) => item with { CompletedAt = completed },
                    "expected effect" or "expected_effect" when TryFraction(kv[1], out var expected) => item with { ExpectedEffect = expected },
                    "measured effect" or "measured_effect" when TryFraction(kv[1], out var measured) => item with { MeasuredEffect = measured },
                    _ => item,
                };
            }
        }

        return item with { Title = text };
    }

    private static Hypothesis ToHypothesis(string text)
    {
        var outcome = HypothesisOutcome.Untested;
        var m = OutcomeMark().Match(text);
        if (m.Success && new HypothesisOutcomeConverter().TryParse(m.Groups[1].Value, out var o))
        {
            outcome = o;
            text = text.Remove(m.Index, m.Length).Trim();
        }

        string? test = null;
        var tested = TestedBy().Match(text);
        if (tested.Success)
        {
            test = tested.Groups[1].Value.Trim();
            text = text[..tested.Index].Trim();
        }

        return new Hypothesis(text, test, outcome);
    }

    private static bool TryFraction(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static TimelineEntry? ToTimeline(string text, DateTimeOffset start)
    {
        var m = TimelineTime().Match(text.Replace("**", "", StringComparison.Ordinal));
        if (!m.Success)
        {
            return null;
        }

        var rest = m.Groups["text"].Value.Trim();
        var stamp = m.Groups["t"].Value;
        if (TimestampConverter.TryParse(stamp, out var full) && stamp.Contains('-', StringComparison.Ordinal))
        {
            return new TimelineEntry(full, rest);
        }

        if (start == default || !TimeSpan.TryParse(m.Groups["clock"].Value, CultureInfo.InvariantCulture, out var clock))
        {
            return null;
        }

        // A bare clock time belongs to the day (before, of, or after the start) that puts it nearest the start.
        var day = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero);
        var best = new[] { day.AddDays(-1), day, day.AddDays(1) }.Select(d => d + clock).MinBy(t => Math.Abs((t - start).Ticks));
        return new TimelineEntry(best, rest);
    }

    [GeneratedRegex(@"^\**\s*(technical|process|human|organi[sz]ational|organi[sz]ation)\s*\**\s*[:：]\s*\**", RegexOptions.IgnoreCase)]
    private static partial Regex KindPrefix();

    [GeneratedRegex(@"\((helped|did not help|didn't help|no effect|not helpful|worked|did not work)\)|[✅❌]", RegexOptions.IgnoreCase)]
    private static partial Regex HelpedMark();

    [GeneratedRegex(@"\((?:by:\s*(?<by>[^,()]+?))?\s*,?\s*(?:at:\s*(?<at>[^,()]+?))?\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ActionBy();

    [GeneratedRegex(@"^\[([ xX])\]")]
    private static partial Regex Checkbox();

    [GeneratedRegex(@"\(([^()]*:[^()]*)\)\s*$")]
    private static partial Regex Metadata();

    [GeneratedRegex(@"\((confirmed|rejected|inconclusive|untested|ruled out|supported)\)", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeMark();

    [GeneratedRegex(@"\s+[—–-]+\s*tested by\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TestedBy();

    [GeneratedRegex(@"^(?<t>(?:\d{4}-\d{2}-\d{2}[ T])?(?<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(?:\s?(?:UTC|Z)|[+-]\d{2}:?\d{2})?)\s*(?:[-–—:|]\s*)?(?<text>.+)$")]
    private static partial Regex TimelineTime();
}
