namespace Hindsight.Application.Incidents;

/// <summary>Which incidents to list: every condition given must hold. Times and severity are text, checked by the use case.</summary>
public sealed record IncidentFilter
{
    /// <summary>Only incidents affecting one of these services (any spelling: case, spaces, hyphens and underscores aside).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Only this severity (<c>SEV0</c>…<c>SEV3</c>).</summary>
    public string? Severity { get; init; }

    /// <summary>Only this team.</summary>
    public string? Team { get; init; }

    /// <summary>Only incidents that started at or after this time.</summary>
    public string? Since { get; init; }

    /// <summary>Only incidents that started before this time.</summary>
    public string? Until { get; init; }

    /// <summary>Only incidents whose title, summary, services or tags contain every word of this text (any case).</summary>
    public string? Text { get; init; }

    /// <summary>At most this many, newest first (1–1000).</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Where the previous page ended (its <see cref="IncidentPage.NextCursor"/>).</summary>
    public string? Cursor { get; init; }
}
