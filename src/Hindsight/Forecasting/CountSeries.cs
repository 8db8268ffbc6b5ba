using Hindsight.Calendar;
using Hindsight.Incidents;

namespace Hindsight.Forecasting;

/// <summary>Incident counts per whole calendar month or ISO-like week (Monday start), UTC.</summary>
public static class CountSeries
{
    /// <summary>
    /// Counts per month from the first incident's month to the last whole month: one that ended before both
    /// <paramref name="now"/> and a day after the last record (a history that stops early is not read as a quiet month).
    /// The last record is the last incident unless <paramref name="historyEnd"/> says when the whole history ends
    /// (a service's series ends with its organisation's, not with its own last incident).
    /// </summary>
    public static IReadOnlyList<(DateTime Month, int Count)> Monthly(IReadOnlyCollection<Incident> incidents, DateTimeOffset now, DateTimeOffset? historyEnd = null) =>
        Buckets(incidents, now, historyEnd, d => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc), m => m.AddMonths(1));

    /// <summary>Counts per week (Monday 00:00 UTC), like <see cref="Monthly"/>.</summary>
    public static IReadOnlyList<(DateTime Week, int Count)> Weekly(IReadOnlyCollection<Incident> incidents, DateTimeOffset now, DateTimeOffset? historyEnd = null) =>
        Buckets(incidents, now, historyEnd, UtcWeek.Start, w => w.AddDays(7));

    private static List<(DateTime, int)> Buckets(IReadOnlyCollection<Incident> incidents, DateTimeOffset now, DateTimeOffset? historyEnd, Func<DateTime, DateTime> bucket, Func<DateTime, DateTime> next)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            return [];
        }

        var counts = new Dictionary<DateTime, int>();
        var (first, last) = (DateTime.MaxValue, DateTime.MinValue);
        foreach (var i in incidents)
        {
            var at = i.StartedAt.UtcDateTime;
            var b = bucket(at);
            counts[b] = counts.GetValueOrDefault(b) + 1;
            (first, last) = (at < first ? at : first, at > last ? at : last);
        }

        var end = new[] { now.UtcDateTime, (historyEnd?.UtcDateTime ?? last).AddDays(1) }.Min();
        var series = new List<(DateTime, int)>();
        for (var b = bucket(first); next(b) <= end; b = next(b))
        {
            series.Add((b, counts.GetValueOrDefault(b)));
        }

        return series;
    }
}
