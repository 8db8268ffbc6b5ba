namespace Hindsight.Anomalies;

/// <summary>The naive baseline: a point more than three standard deviations from the series' mean is anomalous; a run of them is one detection.</summary>
public static class ThreeSigmaDetector
{
    /// <summary>The indexes at which detections start.</summary>
    public static IReadOnlyList<int> Detect(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [];
        }

        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        var detections = new List<int>();
        var previous = false;
        for (var i = 0; i < values.Count; i++)
        {
            var flagged = sd > 0 && Math.Abs(values[i] - mean) > 3 * sd;
            if (flagged && !previous)
            {
                detections.Add(i);
            }

            previous = flagged;
        }

        return detections;
    }
}
