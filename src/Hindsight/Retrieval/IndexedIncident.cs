using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.Incidents;

namespace Hindsight.Retrieval;

/// <summary>
/// The fields of an incident the search index reads, and nothing else: a stored incident is read into this straight
/// from its canonical JSON (<see cref="Read"/>), skipping its timeline, actions and the rest, which is most of the cost
/// of reading it whole.
/// </summary>
/// <param name="Id">The incident's id.</param>
/// <param name="Text">Its title and the rest of its text as the index reads them.</param>
/// <param name="Severity">Its severity, if known.</param>
/// <param name="Services">The services it touched, trimmed, without repeats.</param>
/// <param name="Tags">Its tags, trimmed, without repeats.</param>
/// <param name="FailureMode">Its failure mode, if any.</param>
/// <param name="StartedAt">When it started (the default when undated).</param>
/// <param name="TimeToResolve">Started → resolved, when both are known.</param>
/// <param name="Deployed">Whether a deployment is linked to it.</param>
public sealed record IndexedIncident(
    string Id,
    IndexedText Text,
    Severity? Severity,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Tags,
    string? FailureMode,
    DateTimeOffset StartedAt,
    TimeSpan? TimeToResolve,
    bool Deployed)
{
    /// <summary>The fields of an incident held whole.</summary>
    public static IndexedIncident From(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IndexedIncident(
            incident.Id,
            IndexedText.Of(incident),
            incident.Severity,
            incident.Services,
            incident.Tags,
            incident.FailureMode,
            incident.StartedAt,
            incident.Durations.TimeToResolve,
            incident.Deployments.Count > 0);
    }

    /// <summary>
    /// Reads the fields from an incident's canonical JSON, normalised as reading the whole incident would (ids and
    /// titles trimmed, repeated services and tags dropped); throws <see cref="JsonException"/> on malformed JSON or a
    /// bad value in a field it reads. Fields it does not read are skipped unchecked: a stored document that only the
    /// whole read would refuse (a bad value elsewhere) is still indexed — <c>hindsight check</c> reports it.
    /// </summary>
    public static IndexedIncident Read(ReadOnlySpan<byte> utf8Json)
    {
        var fields = JsonSerializer.Deserialize(utf8Json, IndexedIncidentJson.Default.IncidentFields)
            ?? throw new JsonException("expected a JSON object, got null");
        var failureMode = RecordNormaliser.NullIfBlank(fields.FailureMode);
        var causes = fields.RootCauses ?? [];
        var incident = new Incident // only the fields the text is made of: one place decides what the index reads
        {
            Title = RecordNormaliser.Trim(fields.Title),
            Summary = fields.Summary,
            FailureMode = failureMode,
            RootCauses = causes.Count == 0 ? [] : [.. causes.Select(c => new RootCause(default, c?.Description ?? ""))],
        };
        DateTimeOffset? start = fields.Undated ? null : fields.StartedAt;
        return new IndexedIncident(
            RecordNormaliser.Trim(fields.Id),
            IndexedText.Of(incident),
            fields.Severity,
            RecordNormaliser.Distinct(fields.Services),
            RecordNormaliser.Distinct(fields.Tags),
            failureMode,
            fields.StartedAt,
            fields.ResolvedAt - start,
            fields.Deployments is { Count: > 0 });
    }
}
