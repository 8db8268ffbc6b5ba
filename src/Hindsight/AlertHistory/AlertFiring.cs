using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.AlertHistory;

/// <summary>
/// One firing of an alert rule, kept in the history (from the webhook intake or an <c>alert</c> line in a file): what
/// fired, where, when it fired and resolved, and the incident it became, if any. Alert-noise analysis reads these.
/// </summary>
public sealed record AlertFiring : HistoryRecord
{
    /// <summary>The record's key (the tool's fingerprint and the firing's start, or the file's own id).</summary>
    public string Id { get; init; } = "";

    /// <summary>The alert rule's name (Alertmanager's <c>alertname</c>).</summary>
    public string Rule { get; init; } = "";

    /// <summary>The service it names, when its labels name one.</summary>
    public string? Service { get; init; }

    /// <summary>Its labels, as the tool sent them.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>When it fired.</summary>
    public DateTimeOffset FiredAt { get; init; }

    /// <summary>When it resolved, once it has.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The incident it was linked to (became, or was attached to), if any.</summary>
    public string? Incident { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Alert;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => FiredAt;
}
