using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Incidents;
using Hindsight.Vocabulary;

namespace Hindsight.Import;

/// <summary>
/// Status-page incidents (the shape of a public status page's incident feed). Impact maps to severity:
/// critical → SEV0, major → SEV1, minor → SEV2, none and maintenance → SEV3; components become services;
/// planned maintenance is tagged <c>maintenance</c> so analytics can leave it out. When the record carries the
/// feed's own <c>duration_minutes</c>, it decides the resolution time (started + duration): <c>resolved_at</c> in such
/// exports is reconstructed from the update feed and can disagree with the incident's recorded duration.
/// </summary>
public sealed class StatusPageFormat : IRecordFormat
{
    /// <summary>The tag put on planned maintenance.</summary>
    public const string MaintenanceTag = "maintenance";

    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits) =>
        JsonLines.ReadAs(input, limits, ExternalJsonContext.Default.StatusPageRecord, ToIncident);

    private static Incident ToIncident(StatusPageRecord r)
    {
        var impact = r.Impact?.Trim().ToLowerInvariant();
        Severity? severity = impact switch
        {
            "critical" => Severity.Sev0,
            "major" => Severity.Sev1,
            "minor" => Severity.Sev2,
            "none" or "maintenance" => Severity.Sev3,
            null or "" => null,
            _ => throw new JsonException($"'{impact}' is not a status-page impact; expected one of none, minor, major, critical, maintenance", "$.impact", null, null),
        };

        var tags = new List<string>(2);
        if (impact is { Length: > 0 })
        {
            tags.Add("impact:" + impact);
        }

        if (impact == "maintenance")
        {
            tags.Add(MaintenanceTag);
        }

        return RecordNormaliser.Normalise(new Incident
        {
            Id = r.Id ?? "",
            Title = r.Title ?? "",
            Summary = r.Text,
            Severity = severity,
            Services = r.Components ?? [],
            Tags = tags,
            StartedAt = Time(r.StartedAt, "started_at") ?? default,
            ResolvedAt = Time(r.ResolvedAt, "resolved_at") is { } resolved && Time(r.StartedAt, "started_at") is { } started
                && r.DurationMinutes is { } minutes && minutes >= 0 && double.IsFinite(minutes)
                ? started.AddMinutes(minutes)
                : Time(r.ResolvedAt, "resolved_at"),
            Source = new Provenance("statuspage", r.Url),
        });
    }

    internal static DateTimeOffset? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimestampConverter.TryParse(text, out var t)
            ? t
            : throw new JsonException($"'{TimestampConverter.Clip(text)}' is not a timestamp; expected {TimestampConverter.Expected}", "$." + field, null, null);
    }
}
