namespace Hindsight.Silos;

/// <summary>
/// Carries detections from one run to the next: each detection updates the one record of its (expert, category) —
/// its figures, last detection, consecutive days and level — and moves its status by these rules:
/// an active silo stays active; a dismissed one is raised again (active) only when its level rises above the level it
/// was dismissed at; a mitigated one is raised again when it is still detected at medium or above a full analysis
/// window after the mitigation (the action had time to work and did not). A record keeps its first detection.
/// Silos not detected in a run are left as they were (their last detection says when they were last seen).
/// </summary>
public static class SiloTracker
{
    /// <summary>The records to store after a run: new and changed ones.</summary>
    public static IReadOnlyList<SiloRisk> Apply(IReadOnlyDictionary<string, SiloRisk> existing, IEnumerable<SiloDetection> detections, SiloParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(detections);
        var p = parameters ?? SiloParameters.Default;
        var changed = new List<SiloRisk>();
        foreach (var d in detections)
        {
            var key = SiloRisk.KeyOf(d.Expert, d.Category);
            var before = existing.GetValueOrDefault(key);
            var status = before?.Status ?? SiloStatus.Active;
            if (before is { Status: SiloStatus.Dismissed, DismissedLevel: { } dismissedAt } && d.Level > dismissedAt)
            {
                status = SiloStatus.Active; // worsened since it was dismissed
            }
            else if (before is { Status: SiloStatus.Mitigated, MitigatedAt: { } mitigated } && d.Level >= SiloLevel.Medium && d.AsOf >= mitigated.AddDays(p.WindowDays))
            {
                status = SiloStatus.Active; // the mitigation had a whole window to work, and the silo is still there
            }

            var first = before is null || d.StreakStart < before.FirstDetectedAt ? d.StreakStart : before.FirstDetectedAt;
            changed.Add((before ?? new SiloRisk()) with
            {
                Expert = d.Expert,
                Category = d.Category,
                Department = d.Department,
                TotalResponses = d.Total,
                ExpertResponses = d.ExpertResponses,
                Ratio = Math.Round(d.Ratio, 4),
                FirstDetectedAt = first,
                LastDetectedAt = before is not null && before.LastDetectedAt > d.AsOf ? before.LastDetectedAt : d.AsOf,
                ConsecutiveDays = d.ConsecutiveDays,
                Alternatives = d.Alternatives,
                SampleQuestions = d.SampleQuestions,
                Level = d.Level,
                Status = status,
                DismissedLevel = status == SiloStatus.Active ? null : before?.DismissedLevel,
            });
        }

        return changed;
    }

    /// <summary>Marks a silo mitigated, with what was done.</summary>
    public static SiloRisk Mitigate(SiloRisk risk, string action, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return risk with { Status = SiloStatus.Mitigated, MitigatedAt = at, MitigationAction = action.Trim(), DismissedLevel = null };
    }

    /// <summary>Dismisses a silo at its current level; it comes back only if it gets worse.</summary>
    public static SiloRisk Dismiss(SiloRisk risk, string? reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk with { Status = SiloStatus.Dismissed, DismissedAt = at, DismissedLevel = risk.Level, DismissReason = reason };
    }
}
