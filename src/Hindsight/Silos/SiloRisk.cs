using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.Silos;

/// <summary>
/// One knowledge silo as tracked over time: one record per (organisation, expert, category), updated by every
/// detector run, with its status lifecycle (active → mitigated with the action taken, or dismissed).
/// </summary>
public sealed record SiloRisk : HistoryRecord
{
    /// <summary>The person nearly everyone relies on.</summary>
    public string Expert { get; init; } = "";

    /// <summary>The category they answer.</summary>
    public string Category { get; init; } = "";

    /// <summary>The department, when the detection was filtered by one or the expert's answers name one.</summary>
    public string? Department { get; init; }

    /// <summary>Responses in the category in the last window.</summary>
    public int TotalResponses { get; init; }

    /// <summary>Of those, the expert's.</summary>
    public int ExpertResponses { get; init; }

    /// <summary>The expert's share (0–1).</summary>
    public double Ratio { get; init; }

    /// <summary>The first day it was detected.</summary>
    public DateTimeOffset FirstDetectedAt { get; init; }

    /// <summary>The last day it was detected.</summary>
    public DateTimeOffset LastDetectedAt { get; init; }

    /// <summary>Consecutive days it was detected, up to the last detection.</summary>
    public int ConsecutiveDays { get; init; }

    /// <summary>The other people who answered in the window.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Up to five questions the expert answered.</summary>
    public IReadOnlyList<string> SampleQuestions { get; init; } = [];

    /// <summary>The level at the last detection.</summary>
    public SiloLevel Level { get; init; }

    /// <summary>The status.</summary>
    public SiloStatus Status { get; init; } = SiloStatus.Active;

    /// <summary>When it was mitigated.</summary>
    public DateTimeOffset? MitigatedAt { get; init; }

    /// <summary>What was done about it.</summary>
    public string? MitigationAction { get; init; }

    /// <summary>When it was dismissed.</summary>
    public DateTimeOffset? DismissedAt { get; init; }

    /// <summary>The level it had when dismissed: it is raised again only above this.</summary>
    public SiloLevel? DismissedLevel { get; init; }

    /// <summary>Why it was dismissed.</summary>
    public string? DismissReason { get; init; }

    /// <summary>Whether the expert has anyone to share the load with.</summary>
    [JsonIgnore]
    public bool HasAlternative => Alternatives.Count > 0;

    /// <summary>The record key for an expert and a category.</summary>
    public static string KeyOf(string expert, string category) => expert + "|" + category;

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Silo;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => KeyOf(Expert, Category);

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => LastDetectedAt;
}
