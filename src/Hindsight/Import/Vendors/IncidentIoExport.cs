using System.Text.Json;
using System.Text.RegularExpressions;
using Hindsight.Incidents;
using Hindsight.Validation;
using Hindsight.Vocabulary;
using static Hindsight.Import.Vendors.VendorJson;

namespace Hindsight.Import.Vendors;

/// <summary>
/// incident.io's API v2 incidents (<c>GET /v2/incidents</c>, under <c>incidents</c>): named timestamps, role
/// assignments, severity and the affected-services custom field. Field mapping: docs/formats.md.
/// </summary>
public sealed partial class IncidentIoExport : VendorExport
{
    /// <inheritdoc />
    protected override string Tool => "incident.io";

    /// <inheritdoc />
    protected override IReadOnlyList<string> ItemProperties => ["incidents"];

    /// <inheritdoc />
    protected override Incident Map(JsonElement item, ExportContext context, List<ValidationError> errors)
    {
        var id = Str(item, "reference") ?? Str(item, "id");
        if (id is null)
        {
            errors.Add(new ValidationError("id", "the incident has no 'reference' or 'id'; expected incident.io's INC-123 reference"));
        }

        var stamps = Each(item, "incident_timestamp_values")
            .Select(t => (Name: Str(t, "incident_timestamp.name")?.ToLowerInvariant(), At: Time(t, "value.value", errors, "timeline")))
            .Where(t => t.Name is not null && t.At is not null)
            .ToList();
        DateTimeOffset? Stamp(params string[] names) =>
            names.Select(n => stamps.FirstOrDefault(s => s.Name == n).At).FirstOrDefault(t => t is not null);

        var created = Time(item, "created_at", errors, "started_at");
        var category = Str(item, "incident_status.category");
        var closed = category is "closed" or "learning" or "post-incident" or "resolved";
        var fields = Each(item, "custom_field_entries").ToList();
        var tags = new List<string>();
        if (Str(item, "incident_type.name") is { } type)
        {
            tags.Add(type);
        }

        if (category is "declined" or "canceled" or "cancelled" or "merged")
        {
            tags.Add(category);
        }

        if (Str(item, "mode") is { } mode && mode != "standard")
        {
            tags.Add("mode:" + mode);
        }

        return new Incident
        {
            Id = id ?? "",
            Title = Str(item, "name") ?? "",
            Summary = Str(item, "summary"),
            Severity = SeverityOf(item, context),
            Team = Values(fields, "team").FirstOrDefault(),
            Services = Values(fields, "service"),
            Tags = tags,
            StartedAt = Stamp("impact started", "impact start", "started at") ?? created ?? default,
            DetectedAt = Stamp("reported at", "detected at", "identified at") ?? created,
            AcknowledgedAt = Stamp("accepted at", "acknowledged at"),
            MitigatedAt = Stamp("fixed at", "mitigated at", "stabilised at", "stabilized at"),
            ResolvedAt = closed ? Stamp("resolved at", "closed at") : null,
            Responders = [.. Each(item, "incident_role_assignments")
                .Where(r => Str(r, "assignee.name") is not null)
                .Select(r => new Responder(Str(r, "assignee.name")!, Str(r, "role.name")))],
            Timeline = [.. stamps.Select(s => new TimelineEntry(s.At!.Value, Capitalised(s.Name!))).OrderBy(t => t.At)],
            Source = new Provenance("incident.io", Str(item, "permalink")),
        };
    }

    /// <summary>
    /// A severity named SEV n is that severity; otherwise by rank within the file's ladder (incident.io ranks the most
    /// severe highest): the top rank is SEV1, the next SEV2, the rest SEV3, as the paging tools' priorities map.
    /// </summary>
    private static Severity? SeverityOf(JsonElement item, ExportContext context)
    {
        var name = Str(item, "severity.name");
        if (name is null)
        {
            return null;
        }

        if (SevName().Match(name) is { Success: true } m && SeverityText.TryParse("SEV" + m.Groups[1].Value, out var named))
        {
            return named;
        }

        if (At(item, "severity.rank") is not { ValueKind: JsonValueKind.Number } r || !r.TryGetInt32(out var rank))
        {
            return null;
        }

        var ranks = context.Once("incidentio-ranks", () => context.Items
            .Select(i => At(i, "severity.rank") is { ValueKind: JsonValueKind.Number } x && x.TryGetInt32(out var n) ? n : int.MinValue)
            .Where(n => n != int.MinValue).Distinct().OrderDescending().ToList());
        return ranks.IndexOf(rank) switch
        {
            0 => Severity.Sev1,
            1 => Severity.Sev2,
            _ => Severity.Sev3,
        };
    }

    /// <summary>The values of the custom fields whose name mentions <paramref name="word"/> (catalog entries, options or text).</summary>
    private static List<string> Values(List<JsonElement> fields, string word) =>
        [.. fields
            .Where(f => Str(f, "custom_field.name") is { } n && n.Contains(word, StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => Each(f, "values"))
            .Select(v => Str(v, "value_catalog_entry.name") ?? Str(v, "value_option.value") ?? Str(v, "value_text"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^\s*sev(?:erity)?\s*[-_ ]?\s*(\d)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SevName();
}
