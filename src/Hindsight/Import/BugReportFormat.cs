using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Incidents;

namespace Hindsight.Import;

/// <summary>
/// Bug reports with known duplicates: <c>{id, title, description | text, created, resolved, duplicate_of[]}</c>.
/// The title (or the first line of <c>text</c>) becomes the title, the description (or the rest of the text) the summary,
/// and every <c>duplicate_of</c> id a duplicate link.
/// </summary>
public sealed class BugReportFormat : IRecordFormat
{
    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits) =>
        JsonLines.ReadAs(input, limits, ExternalJsonContext.Default.BugReportRecord, ToIncident);

    private static Incident ToIncident(BugReportRecord r)
    {
        var title = r.Title;
        var summary = r.Description;
        if (string.IsNullOrWhiteSpace(title) && !string.IsNullOrWhiteSpace(r.Text))
        {
            var text = r.Text.Trim();
            var cut = text.IndexOf('\n', StringComparison.Ordinal);
            title = cut < 0 ? text : text[..cut];
            summary ??= cut < 0 ? null : text[(cut + 1)..].Trim();
        }

        var started = StatusPageFormat.Time(r.Created, "created") ?? default;
        var resolved = StatusPageFormat.Time(r.Resolved, "resolved");
        if (resolved < started)
        {
            resolved = null; // trackers reopen and re-resolve; an earlier resolution says nothing about this report
        }

        var links = new List<IncidentLink>();
        foreach (var other in r.DuplicateOf ?? [])
        {
            if (!string.IsNullOrWhiteSpace(other) && other != r.Id)
            {
                links.Add(new IncidentLink(other.Trim(), LinkKind.Duplicate));
            }
        }

        return RecordNormaliser.Normalise(new Incident
        {
            Id = r.Id ?? "",
            Title = title ?? "",
            Summary = summary,
            Tags = string.IsNullOrWhiteSpace(r.Project) ? [] : [r.Project],
            StartedAt = started,
            ResolvedAt = resolved,
            Links = links,
            Source = new Provenance("bugreports"),
        });
    }
}
