namespace Hindsight.Application.Learning;

/// <summary>What the metrics cover and how they are broken down.</summary>
public sealed record MetricsRequest
{
    /// <summary>Dimensions to break the time metrics down by: service, severity, team, quarter.</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Count incidents tagged maintenance (planned work) too.</summary>
    public bool IncludeMaintenance { get; init; }
}

/// <summary>What the learning report covers.</summary>
public sealed record ReportRequest
{
    /// <summary>Only incidents (deployments, drills) from this time on (text, checked by the use case).</summary>
    public string? Since { get; init; }

    /// <summary>Only this team's incidents.</summary>
    public string? Team { get; init; }

    /// <summary>Count incidents tagged maintenance too.</summary>
    public bool IncludeMaintenance { get; init; }
}

/// <summary>What the pattern analysis covers.</summary>
public sealed record PatternsRequest
{
    /// <summary>How long after a deploy an incident counts against it, in hours (above 0, at most two weeks).</summary>
    public double WindowHours { get; init; } = 3;

    /// <summary>How many deploy figures to return.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Count incidents tagged maintenance too.</summary>
    public bool IncludeMaintenance { get; init; }
}

/// <summary>What to classify: a stored incident or a description, exactly one.</summary>
/// <param name="Id">A stored incident's id.</param>
/// <param name="Text">Or a description of the failure.</param>
public sealed record ClassifyTarget(string? Id = null, string? Text = null);
