using System.Globalization;
using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.Silos;

namespace Hindsight.Application.Silos;

/// <summary>Knowledge held by one person (SPEC §5): detect and track silos, mitigate or dismiss them, report weekly.</summary>
public sealed class SiloUseCases
{
    private readonly Workspace _workspace;

    internal SiloUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>Detects silos (day by day from <see cref="SiloRequest.From"/> when given) and stores what changed; returns those of the last day.</summary>
    public async Task<SiloScan> DetectAsync(SiloRequest request, CancellationToken cancellationToken = default)
    {
        var (asOf, from, parameters) = Read(request);
        var tracked = await RunAsync(asOf, from, parameters, request, cancellationToken).ConfigureAwait(false);
        return new SiloScan(asOf, Figure(parameters), [.. tracked.Current.Select(s => SiloFigure.Of(s, parameters.WindowDays))]);
    }

    /// <summary>Every tracked silo (as the last detection left it; only those about <paramref name="category"/>, any case, when given), most severe first.</summary>
    public async Task<IReadOnlyList<SiloFigure>> ListAsync(string? category = null, CancellationToken cancellationToken = default)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return [.. history.Silos.Where(s => string.IsNullOrWhiteSpace(category) || string.Equals(s.Category, category.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Level).ThenByDescending(s => s.Ratio).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => SiloFigure.Of(s, SiloParameters.Default.WindowDays))];
    }

    /// <summary>Records what was done about a silo; it is raised again if it is still there a full window later.</summary>
    public Task<SiloFigure> MitigateAsync(string expert, string category, string action, CancellationToken cancellationToken = default)
    {
        var what = Require.Text(action, "action", "what was done");
        return ChangeAsync(expert, category, silo => SiloTracker.Mitigate(silo, what, _workspace.Clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Dismisses a silo at its current level; it is raised again only if it gets worse.</summary>
    public Task<SiloFigure> DismissAsync(string expert, string category, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(expert, category, silo => SiloTracker.Dismiss(silo, reason, _workspace.Clock.GetUtcNow()), cancellationToken);

    /// <summary>The weekly report as of the end of <paramref name="week"/> (an ISO week or a date in it; default the last full week).</summary>
    public async Task<SiloWeek> WeekAsync(string? week, SiloRequest request, CancellationToken cancellationToken = default)
    {
        DateTimeOffset start;
        try
        {
            start = SiloWeeklyReport.ParseWeek(week ?? _workspace.Clock.GetUtcNow().AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        catch (FormatException ex)
        {
            throw HindsightException.BadInput("week", ex.Message);
        }

        var (_, _, parameters) = Read(request with { AsOf = null, From = null });
        var end = start.AddDays(7).AddTicks(-1);
        var tracked = await RunAsync(end, start, parameters, request, cancellationToken).ConfigureAwait(false); // each day of the week, so what is new and what changed is exact
        var silos = tracked.All.Where(s => request.Department is null || string.Equals(s.Department, request.Department, StringComparison.OrdinalIgnoreCase));
        var report = SiloWeeklyReport.Build(silos, start, parameters.WindowDays);
        SiloFigure F(SiloRisk s) => SiloFigure.Of(s, parameters.WindowDays);
        return new SiloWeek(
            report.Week, report.WeekStart, report.WeekEnd,
            [.. report.Insights.Select(i => new SiloWeekInsight(i.Level.ToString().ToLowerInvariant(), i.Title, i.Description, i.RecommendedActions, F(i.Risk)))],
            [.. report.Watching.Select(F)], [.. report.NewThisWeek.Select(F)], [.. report.MitigatedThisWeek.Select(F)], [.. report.DismissedThisWeek.Select(F)],
            report.ToMarkdown());
    }

    private static (DateTimeOffset AsOf, DateTimeOffset? From, SiloParameters Parameters) Read(SiloRequest request, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Threshold is <= 0 or > 1 || double.IsNaN(request.Threshold))
        {
            throw HindsightException.BadInput("threshold", $"{request.Threshold} is out of range", "a share in (0, 1]");
        }

        foreach (var (value, field) in new[] { (request.MinResponses, "min_responses"), (request.WindowDays, "window_days"), (request.HighDays, "high_days") })
        {
            if (value < 1)
            {
                throw HindsightException.BadInput(field, $"{value} is out of range", "at least 1");
            }
        }

        var asOf = Require.Time(request.AsOf, "as_of") ?? now ?? DateTimeOffset.MinValue;
        var from = Require.Time(request.From, "from");
        return (asOf, from, new SiloParameters(request.Threshold, request.MinResponses, request.WindowDays, request.HighDays));
    }

    private async Task<(IReadOnlyList<SiloRisk> Current, IReadOnlyList<SiloRisk> All)> RunAsync(
        DateTimeOffset asOf, DateTimeOffset? from, SiloParameters parameters, SiloRequest request, CancellationToken cancellationToken)
    {
        if (asOf == DateTimeOffset.MinValue)
        {
            asOf = _workspace.Clock.GetUtcNow();
        }

        if (from > asOf)
        {
            throw HindsightException.BadInput("from", "must not be after as_of");
        }

        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
            var responses = new List<SiloResponse>();
            if (request.Source != SiloSource.Incidents)
            {
                responses.AddRange(SiloResponses.FromLogs(history.ResponseLogs));
            }

            if (request.Source != SiloSource.Logs)
            {
                responses.AddRange(SiloResponses.FromIncidents(history.AllIncidents));
            }

            var records = history.Silos.ToDictionary(r => r.Key, StringComparer.Ordinal);
            var changed = new Dictionary<string, SiloRisk>(StringComparer.Ordinal);
            IReadOnlyList<SiloDetection> detections = [];
            var memo = new SiloMemo();
            var start = from is { } f && f < asOf ? asOf.AddDays(-Math.Floor((asOf - f).TotalDays)) : asOf; // whole days back, so the last run is at asOf
            for (var day = start; day <= asOf; day = day.AddDays(1))
            {
                detections = SiloDetector.Detect(responses, day, parameters, request.Department, memo);
                foreach (var record in SiloTracker.Apply(records, detections, parameters))
                {
                    records[record.Key] = record;
                    changed[record.Key] = record;
                }
            }

            if (changed.Count > 0)
            {
                await _workspace.WriteAsync([.. changed.Values], cancellationToken).ConfigureAwait(false);
            }

            return ([.. detections.Select(d => records[SiloRisk.KeyOf(d.Expert, d.Category)])], [.. records.Values]);
        }
        finally
        {
            _workspace.Serial.Release();
        }
    }

    private async Task<SiloFigure> ChangeAsync(string expert, string category, Func<SiloRisk, SiloRisk> change, CancellationToken cancellationToken)
    {
        var who = Require.Text(expert, "expert", "the silo's expert");
        var what = Require.Text(category, "category", "the silo's category");
        await _workspace.Serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var silo = await _workspace.Store.FindAsync(_workspace.Organisation, History.RecordKind.Silo, SiloRisk.KeyOf(who, what), cancellationToken).ConfigureAwait(false) as SiloRisk
                ?? throw HindsightException.NotFound($"no tracked silo of '{who}' in '{what}'", "list the silos to find it");
            var changed = change(silo);
            await _workspace.WriteAsync([changed], cancellationToken).ConfigureAwait(false);
            return SiloFigure.Of(changed, SiloParameters.Default.WindowDays);
        }
        finally
        {
            _workspace.Serial.Release();
        }
    }

    private static SiloParametersFigure Figure(SiloParameters p) => new(p.Threshold, p.MinResponses, p.WindowDays, p.HighDays);
}
