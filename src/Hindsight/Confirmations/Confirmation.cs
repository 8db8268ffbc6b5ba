using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.Confirmations;

/// <summary>
/// A person's verdict on the failure mode Hindsight suggested for an incident: what was suggested (none when the
/// classifier was not sure) and what the person says it was. Root-cause accuracy reads these.
/// </summary>
public sealed record Confirmation : HistoryRecord
{
    /// <summary>The confirmation's own key.</summary>
    public string Id { get; init; } = "";

    /// <summary>The incident confirmed.</summary>
    public string Incident { get; init; } = "";

    /// <summary>The failure mode suggested, or null when the classifier answered "not sure".</summary>
    public string? Suggested { get; init; }

    /// <summary>The suggestion's probability, when there was one.</summary>
    public double? Confidence { get; init; }

    /// <summary>The failure mode the person confirmed.</summary>
    public string Confirmed { get; init; } = "";

    /// <summary>When it was confirmed.</summary>
    public DateTimeOffset ConfirmedAt { get; init; }

    /// <summary>Who confirmed it.</summary>
    public string? By { get; init; }

    /// <summary>Whether the suggestion was right (same failure mode, ignoring case and spacing).</summary>
    [JsonIgnore]
    public bool Correct => Suggested is not null && Same(Suggested, Confirmed);

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Confirmation;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => ConfirmedAt;

    /// <summary>Failure modes compared as people write them: case, spaces, hyphens and underscores ignored.</summary>
    public static bool Same(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    /// <summary>A failure mode as compared: lower case, without spaces, hyphens or underscores.</summary>
    public static string Fold(string mode) =>
        new([.. mode.Trim().ToLowerInvariant().Where(c => c is not (' ' or '-' or '_'))]);
}
