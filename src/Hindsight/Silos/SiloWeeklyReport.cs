using System.Globalization;
using System.Text;
using Hindsight.Calendar;

namespace Hindsight.Silos;

/// <summary>The weekly knowledge-silo report: what managers need to act on, what is new, what was dealt with.</summary>
/// <param name="WeekStart">Monday 00:00 UTC of the ISO week.</param>
/// <param name="Insights">Active silos detected at the end of the week at medium or above, most serious first.</param>
/// <param name="Watching">Active low silos detected at the end of the week.</param>
/// <param name="NewThisWeek">Silos first detected during the week.</param>
/// <param name="MitigatedThisWeek">Silos mitigated during the week.</param>
/// <param name="DismissedThisWeek">Silos dismissed during the week.</param>
public sealed record SiloWeeklyReport(
    DateTimeOffset WeekStart,
    IReadOnlyList<SiloInsight> Insights,
    IReadOnlyList<SiloRisk> Watching,
    IReadOnlyList<SiloRisk> NewThisWeek,
    IReadOnlyList<SiloRisk> MitigatedThisWeek,
    IReadOnlyList<SiloRisk> DismissedThisWeek)
{
    /// <summary>The moment the report is as of: the last instant of the week.</summary>
    public DateTimeOffset WeekEnd => WeekStart.AddDays(7).AddTicks(-1);

    /// <summary>The ISO week's name, e.g. 2026-W47.</summary>
    public string Week => $"{ISOWeek.GetYear(WeekStart.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(WeekStart.UtcDateTime):00}";

    /// <summary>Builds the report from the tracked silos (after a detector run as of <see cref="WeekEnd"/>).</summary>
    public static SiloWeeklyReport Build(IEnumerable<SiloRisk> silos, DateTimeOffset weekStart, int windowDays = 30)
    {
        ArgumentNullException.ThrowIfNull(silos);
        var all = silos.ToList();
        var end = weekStart.AddDays(7);
        bool During(DateTimeOffset? at) => at is { } t && t >= weekStart && t < end;
        var current = all.Where(s => s.Status == SiloStatus.Active && s.LastDetectedAt >= end.AddDays(-1)).ToList();
        return new SiloWeeklyReport(
            weekStart,
            [.. current.Select(s => SiloInsight.Of(s, windowDays)).OfType<SiloInsight>().OrderByDescending(i => i.Level).ThenByDescending(i => i.Risk.Ratio)],
            [.. current.Where(s => s.Level == SiloLevel.Low).OrderByDescending(s => s.Ratio)],
            [.. all.Where(s => During(s.FirstDetectedAt)).OrderByDescending(s => s.Level)],
            [.. all.Where(s => s.Status == SiloStatus.Mitigated && During(s.MitigatedAt))],
            [.. all.Where(s => s.Status == SiloStatus.Dismissed && During(s.DismissedAt))]);
    }

    /// <summary>The week (Monday 00:00 UTC) of an ISO week name (2026-W47) or of any date in it.</summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static DateTimeOffset ParseWeek(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var w = t.IndexOf("-W", StringComparison.OrdinalIgnoreCase);
        if (w > 0 && int.TryParse(t[..w], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(t[(w + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var week) && week is >= 1 and <= 53)
        {
            return new DateTimeOffset(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday), TimeSpan.Zero);
        }

        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
        {
            return new DateTimeOffset(UtcWeek.Start(day.UtcDateTime), TimeSpan.Zero);
        }

        throw new FormatException($"'{text}' is not a week; expected an ISO week such as 2026-W47 or a date in it");
    }

    /// <summary>The report as Markdown (user text escaped).</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Knowledge silos — week {Week} ({WeekStart:yyyy-MM-dd} to {WeekEnd:yyyy-MM-dd})\n\n");
        if (Insights.Count == 0)
        {
            md.Append("No category relies on one person at medium risk or above.\n\n");
        }

        foreach (var i in Insights)
        {
            var r = i.Risk;
            md.Append(CultureInfo.InvariantCulture, $"## {i.Level.ToString().ToUpperInvariant()}: {Escape(i.Title)}\n\n{Escape(i.Description)}\n\n");
            md.Append("Recommended actions:\n\n");
            for (var n = 0; n < i.RecommendedActions.Count; n++)
            {
                md.Append(CultureInfo.InvariantCulture, $"{n + 1}. {i.RecommendedActions[n]}\n");
            }

            md.Append(CultureInfo.InvariantCulture, $"\nEvidence: expert **{Escape(r.Expert)}**, category '{Escape(r.Category)}'{(r.Department is { } d ? $", department {Escape(d)}" : "")}, ");
            md.Append(CultureInfo.InvariantCulture, $"{r.ExpertResponses} of {r.TotalResponses} answers ({Percent(r.Ratio)}), {(r.HasAlternative ? "alternatives: " + Escape(string.Join(", ", r.Alternatives)) : "no alternative")}, ");
            md.Append(CultureInfo.InvariantCulture, $"{r.ConsecutiveDays} consecutive day(s), first detected {r.FirstDetectedAt:yyyy-MM-dd}.\n");
            foreach (var q in r.SampleQuestions)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {Escape(q)}\n");
            }

            md.Append('\n');
        }

        Section(md, "New this week", NewThisWeek, r => $"{r.Level.ToString().ToLowerInvariant()}: '{Escape(r.Category)}' — {Escape(r.Expert)} ({Percent(r.Ratio)})");
        Section(md, "Watching (low)", Watching, r => $"'{Escape(r.Category)}' — {Escape(r.Expert)} ({Percent(r.Ratio)}, {r.ConsecutiveDays} day(s))");
        Section(md, "Mitigated this week", MitigatedThisWeek, r => $"'{Escape(r.Category)}' — {Escape(r.Expert)}: {Escape(r.MitigationAction ?? "")}");
        Section(md, "Dismissed this week", DismissedThisWeek, r => $"'{Escape(r.Category)}' — {Escape(r.Expert)}{(r.DismissReason is { } why ? ": " + Escape(why) : "")}");
        return md.ToString();
    }

    /// <summary>A share as a whole percentage, rounded down as in the insight's title.</summary>
    private static string Percent(double ratio) => ((int)Math.Floor(ratio * 100)).ToString(CultureInfo.InvariantCulture) + "%";

    private static void Section(StringBuilder md, string title, IReadOnlyList<SiloRisk> items, Func<SiloRisk, string> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"## {title}\n\n");
        foreach (var item in items)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {line(item)}\n");
        }

        md.Append('\n');
    }

    /// <summary>Escapes the characters Markdown (and HTML inside it) would interpret in user text.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|': sb.Append('\\').Append(c); break;
                case '\n' or '\r': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
