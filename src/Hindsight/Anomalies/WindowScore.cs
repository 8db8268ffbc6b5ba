namespace Hindsight.Anomalies;

/// <summary>NAB-style scoring: a detection inside a labelled window is a hit (one per window); outside, a false positive.</summary>
/// <param name="Windows">Labelled windows.</param>
/// <param name="Hits">Windows with at least one detection.</param>
/// <param name="FalsePositives">Detections outside every window.</param>
public sealed record WindowScore(int Windows, int Hits, int FalsePositives)
{
    /// <summary>Hits / (hits + false positives).</summary>
    public double Precision => Hits + FalsePositives == 0 ? 0 : (double)Hits / (Hits + FalsePositives);

    /// <summary>Hits / windows.</summary>
    public double Recall => Windows == 0 ? 0 : (double)Hits / Windows;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores detections (times) against windows.</summary>
    public static WindowScore Of(IReadOnlyList<DateTimeOffset> detections, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> windows)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(windows);
        var hits = windows.Count(w => detections.Any(d => d >= w.From && d <= w.To));
        var falsePositives = detections.Count(d => !windows.Any(w => d >= w.From && d <= w.To));
        return new WindowScore(windows.Count, hits, falsePositives);
    }

    /// <summary>The sum of several scores (overall figures over series).</summary>
    public static WindowScore Sum(IEnumerable<WindowScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var list = scores.ToList();
        return new WindowScore(list.Sum(s => s.Windows), list.Sum(s => s.Hits), list.Sum(s => s.FalsePositives));
    }
}
