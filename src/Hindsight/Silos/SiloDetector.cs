namespace Hindsight.Silos;

/// <summary>
/// Finds knowledge silos as of a moment: per category, over the window (as-of − window days, as-of], a category with
/// at least the minimum responses whose top responder gives at least 60 % of them is detected. Consecutive days are
/// counted by running the same check at the same time of day on each earlier day, while the same person stays on top
/// (up to a year back), so a run as of any date gives the same answer whatever ran before it.
/// </summary>
public static class SiloDetector
{
    private const int MaxSamples = 5;

    /// <summary>Every detected silo as of <paramref name="asOf"/>, most serious first.</summary>
    /// <param name="responses">Who answered what.</param>
    /// <param name="asOf">The moment of the run.</param>
    /// <param name="parameters">The thresholds.</param>
    /// <param name="department">Only responses of this department, when given.</param>
    /// <param name="memo">
    /// The daily checks already made, shared by the runs of a day-by-day replay so each (category, day) is checked once.
    /// Use one memo only with the same responses, parameters and department.
    /// </param>
    public static IReadOnlyList<SiloDetection> Detect(IEnumerable<SiloResponse> responses, DateTimeOffset asOf, SiloParameters? parameters = null, string? department = null, SiloMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var p = parameters ?? SiloParameters.Default;
        var categories = responses
            .Where(r => department is null || string.Equals(r.Department, department, StringComparison.OrdinalIgnoreCase))
            .Where(r => r.AnsweredAt <= asOf)
            .GroupBy(r => r.Category, StringComparer.Ordinal);
        var detections = new List<SiloDetection>();
        foreach (var category in categories)
        {
            var answers = category.OrderBy(r => r.AnsweredAt).ToArray();
            if (Top(answers, asOf, p) is not { } top)
            {
                continue;
            }

            var consecutive = 1;
            while (consecutive < SiloParameters.MaxStreakDays && ExpertOn(category.Key, answers, asOf.AddDays(-consecutive), p, memo) == top.Expert)
            {
                consecutive++;
            }

            var inWindow = Window(answers, asOf, p).ToArray();
            var alternatives = inWindow.Where(r => r.Responder != top.Expert)
                .GroupBy(r => r.Responder, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).ToList();
            var expertAnswers = inWindow.Where(r => r.Responder == top.Expert).ToList();
            var samples = expertAnswers.AsEnumerable().Reverse().Select(r => r.Question).OfType<string>()
                .Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxSamples).ToList();
            var dept = department ?? expertAnswers.Select(r => r.Department).OfType<string>()
                .GroupBy(d => d, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            var ratio = (double)top.Count / top.Total;
            detections.Add(new SiloDetection(category.Key, dept, top.Expert, top.Total, top.Count, alternatives, samples, consecutive,
                Level(ratio, alternatives.Count == 0, consecutive, p), asOf));
        }

        return [.. detections.OrderByDescending(d => d.Level).ThenByDescending(d => d.Ratio).ThenBy(d => d.Category, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The level, as the source design sets it: critical = one responder only and ≥ 30 consecutive days; high = share ≥
    /// the threshold and ≥ the high days; medium = share ≥ 60 % and ≥ 7 days; low otherwise.
    /// </summary>
    public static SiloLevel Level(double ratio, bool exclusive, int consecutiveDays, SiloParameters? parameters = null)
    {
        var p = parameters ?? SiloParameters.Default;
        return exclusive && consecutiveDays >= SiloParameters.CriticalDays ? SiloLevel.Critical
            : ratio >= p.Threshold && consecutiveDays >= p.HighDays ? SiloLevel.High
            : ratio >= SiloParameters.ReportShare && consecutiveDays >= SiloParameters.MediumDays ? SiloLevel.Medium
            : SiloLevel.Low;
    }

    /// <summary>The expert detected for a category on an earlier day, through the memo when there is one.</summary>
    private static string? ExpertOn(string category, SiloResponse[] answers, DateTimeOffset at, SiloParameters p, SiloMemo? memo)
    {
        if (memo is null)
        {
            return Top(answers, at, p)?.Expert;
        }

        if (!memo.Experts.TryGetValue((category, at), out var expert))
        {
            memo.Experts[(category, at)] = expert = Top(answers, at, p)?.Expert;
        }

        return expert;
    }

    /// <summary>The top responder of the window ending at <paramref name="at"/>, when the category is reported then.</summary>
    private static (string Expert, int Count, int Total)? Top(SiloResponse[] answers, DateTimeOffset at, SiloParameters p)
    {
        var window = Window(answers, at, p);
        if (window.Length < p.MinResponses)
        {
            return null;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in window)
        {
            counts[r.Responder] = counts.GetValueOrDefault(r.Responder) + 1;
        }

        var (expert, count) = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First();
        return (double)count / window.Length >= SiloParameters.ReportShare ? (expert, count, window.Length) : null;
    }

    /// <summary>The responses answered in (at − window days, at].</summary>
    private static ReadOnlySpan<SiloResponse> Window(SiloResponse[] answers, DateTimeOffset at, SiloParameters p)
    {
        var from = First(answers, at.AddDays(-p.WindowDays));
        return answers.AsSpan(from, First(answers, at) - from);
    }

    /// <summary>The first position answered after <paramref name="at"/>.</summary>
    private static int First(SiloResponse[] answers, DateTimeOffset at)
    {
        int lo = 0, hi = answers.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = answers[mid].AnsweredAt <= at ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }
}
