using System.Text.Json;
using Hindsight.Incidents;
using Hindsight.Intake;
using Hindsight.Validation;
using static Hindsight.Import.Vendors.VendorJson;

namespace Hindsight.Import.Vendors;

/// <summary>
/// Jira's REST search results (<c>/rest/api/2/search</c>, <c>/rest/api/3/search/jql</c>: issues under <c>issues</c>),
/// v2 text or v3 Atlassian Document Format descriptions and comments. Issue links of the Duplicate type become
/// duplicate links and every other type a related link, so <c>train</c> learns from them. Field mapping: docs/formats.md.
/// </summary>
public sealed class JiraExport : VendorExport
{
    /// <inheritdoc />
    protected override string Tool => "Jira";

    /// <inheritdoc />
    protected override IReadOnlyList<string> ItemProperties => ["issues"];

    /// <inheritdoc />
    protected override Incident Map(JsonElement item, ExportContext context, List<ValidationError> errors)
    {
        var key = Str(item, "key");
        if (key is null)
        {
            errors.Add(new ValidationError("id", "the issue has no 'key'; expected a Jira issue key such as OPS-101"));
        }

        var f = At(item, "fields") ?? default;
        if (f.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError("fields", "the issue has no 'fields'; export the search with fields=summary,description,created,resolutiondate,priority,components,labels,issuelinks,assignee,comment"));
            return new Incident { Id = key ?? "" };
        }

        var created = Time(f, "created", errors, "started_at");
        var responders = new ResponderList();

        responders.Add(Str(f, "assignee.displayName"), "assignee");
        var timeline = new List<TimelineEntry>();
        foreach (var c in Each(f, "comment.comments"))
        {
            var author = Str(c, "author.displayName");
            responders.Add(author, "commenter");
            if (Time(c, "created", errors, "timeline") is { } at && PlainText(c, "body") is { } body)
            {
                timeline.Add(new TimelineEntry(at, author is null ? body : $"{author}: {body}"));
            }
        }

        return new Incident
        {
            Id = key ?? "",
            Title = Str(f, "summary") ?? "",
            Summary = PlainText(f, "description"),
            Severity = Str(f, "priority.name")?.ToLowerInvariant() switch
            {
                "highest" or "blocker" or "critical" => Severity.Sev1,
                "high" or "major" => Severity.Sev2,
                "medium" or "low" or "lowest" or "minor" or "trivial" => Severity.Sev3,
                var other => WebhookJson.SeverityOf(other),
            },
            Services = [.. Each(f, "components").Select(c => Str(c, "name")).OfType<string>()],
            Tags = [.. Each(f, "labels").Where(l => l.ValueKind == JsonValueKind.String).Select(l => l.GetString()!)],
            StartedAt = created ?? default,
            DetectedAt = created,
            ResolvedAt = Time(f, "resolutiondate", errors, "resolved_at"),
            Responders = responders.ToList(),
            Timeline = [.. timeline.OrderBy(t => t.At)],
            Links = Links(f, key),
            Source = new Provenance("jira", Browse(Str(item, "self"), key)),
        };
    }

    private static List<IncidentLink> Links(JsonElement fields, string? key)
    {
        var links = new List<IncidentLink>();
        foreach (var link in Each(fields, "issuelinks"))
        {
            var other = Str(link, "outwardIssue.key") ?? Str(link, "inwardIssue.key");
            if (other is null || other == key)
            {
                continue;
            }

            var type = $"{Str(link, "type.name")} {Str(link, "type.outward")}";
            var kind = type.Contains("duplicat", StringComparison.OrdinalIgnoreCase) ? LinkKind.Duplicate : LinkKind.Related;
            if (!links.Any(l => l.Id == other && l.Kind == kind))
            {
                links.Add(new IncidentLink(other, kind));
            }
        }

        return links;
    }

    /// <summary>The issue's page from its API address: <c>https://x.atlassian.net/rest/api/2/issue/1</c> → <c>https://x.atlassian.net/browse/KEY</c>.</summary>
    private static string? Browse(string? self, string? key)
    {
        var at = self?.IndexOf("/rest/api/", StringComparison.Ordinal) ?? -1;
        return at > 0 && key is not null ? $"{self![..at]}/browse/{key}" : null;
    }
}
