using Hindsight.Metrics;

namespace Hindsight.Confirmations;

/// <summary>
/// Root-cause accuracy (SPEC §3 post-learn; seed: root causes correctly identified / all root causes): of the failure
/// modes Hindsight suggested and people then confirmed, the share it had right — overall and per confirmed failure
/// mode. The latest confirmation of an incident counts; an answer of "not sure" is no suggestion and is counted apart.
/// </summary>
public static class RootCauseAccuracy
{
    /// <summary>The accuracy report of <paramref name="confirmations"/>.</summary>
    public static RootCauseAccuracyReport Of(IReadOnlyList<Confirmation> confirmations)
    {
        ArgumentNullException.ThrowIfNull(confirmations);
        var latest = confirmations
            .GroupBy(c => c.Incident, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.ConfirmedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Last())
            .ToList();
        if (latest.Count == 0)
        {
            return new RootCauseAccuracyReport(Ratio.Unmeasurable("no suggested failure mode has been confirmed yet ('hindsight confirm INCIDENT --failure-mode MODE')"), 0, []);
        }

        var suggested = latest.Where(c => c.Suggested is not null).ToList();
        var classes = suggested
            .GroupBy(c => Confirmation.Fold(c.Confirmed), StringComparer.Ordinal)
            .Select(g => new ClassAccuracy(g.GroupBy(c => c.Confirmed).OrderByDescending(s => s.Count()).First().Key, g.Count(), g.Count(c => c.Correct)))
            .OrderByDescending(c => c.Confirmed).ThenBy(c => c.FailureMode, StringComparer.Ordinal)
            .ToList();
        var rate = suggested.Count == 0
            ? Ratio.Unmeasurable("every confirmed incident had a 'not sure' answer, so no suggestion can be scored")
            : new Ratio(suggested.Count(c => c.Correct), suggested.Count);
        return new RootCauseAccuracyReport(rate, latest.Count - suggested.Count, classes);
    }
}
