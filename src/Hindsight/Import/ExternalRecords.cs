using System.Text.Json.Serialization;

namespace Hindsight.Import;

/// <summary>A status-page incident record as exported from a status page's feed.</summary>
internal sealed record StatusPageRecord(
    string? Id, string? Title, string? Url, string? Impact, IReadOnlyList<string>? Components,
    string? StartedAt, string? ResolvedAt, string? Text, double? DurationMinutes = null);

/// <summary>A bug report with its known duplicates.</summary>
internal sealed record BugReportRecord(
    string? Id, string? Project, string? Title, string? Description, string? Text, string? Created, string? Resolved,
    IReadOnlyList<string>? DuplicateOf);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(FlexibleStringConverter)])]
[JsonSerializable(typeof(StatusPageRecord))]
[JsonSerializable(typeof(BugReportRecord))]
internal sealed partial class ExternalJsonContext : JsonSerializerContext;
