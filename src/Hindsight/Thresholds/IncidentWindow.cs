namespace Hindsight.Thresholds;

/// <summary>
/// When an incident was under way, as a back-test sees it: an alert firing from <see cref="From"/> to
/// <see cref="To"/> caught it; <see cref="DetectedAt"/> is when people (or the alerts of the day) noticed it.
/// </summary>
/// <param name="Id">The incident.</param>
/// <param name="From">The earliest firing that counts as catching it (its start less the look-back).</param>
/// <param name="To">The latest (its resolution, or its start plus an hour when it has none).</param>
/// <param name="DetectedAt">When it was detected; lead time is measured against this.</param>
public sealed record IncidentWindow(string Id, DateTimeOffset From, DateTimeOffset To, DateTimeOffset DetectedAt);
