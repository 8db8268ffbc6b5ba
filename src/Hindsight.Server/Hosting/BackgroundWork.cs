using System.Text.Json;
using System.Text.Json.Nodes;
using Hindsight.Application.Learning;
using Hindsight.Application.Workspaces;

namespace Hindsight.Server.Hosting;

/// <summary>
/// What the service does between requests: warm every organisation's workspace at start, follow other processes'
/// writes to the store (notifications, else polling), recompute analyses on <c>LEARNING_GRAPH_UPDATE_INTERVAL</c>, and
/// append a metrics line to <c>metrics.jsonl</c> every minute when a log or metrics folder is set.
/// </summary>
internal sealed class BackgroundWork(HindsightEngine engine, ServerSettings settings, Readiness readiness, ILogger<BackgroundWork> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        engine.Telemetry.Start(); // the meter provider listens by now: the error counter is exported from zero
        try
        {
            await engine.WarmUpAsync(stoppingToken);
            logger.LogInformation("workspaces warm: {Organisations} organisation(s)", engine.Open.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "warming the workspaces failed; they open on first use");
        }

        readiness.Warm = true;
        var following = engine.FollowChangesAsync(settings.PollInterval, ex => logger.LogWarning(ex, "following the store's changes failed; retrying"), stoppingToken);
        var analysing = AnalyseAsync(stoppingToken);
        var journal = JournalAsync(stoppingToken);
        var embedding = EmbedAsync(stoppingToken);
        try
        {
            await Task.WhenAll(following, analysing, journal, embedding);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task AnalyseAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.AnalysisInterval);
        do
        {
            foreach (var workspace in engine.Open)
            {
                try
                {
                    await workspace.Learning.MetricsAsync(new MetricsRequest(), stoppingToken);
                    await workspace.Learning.CurrentReportAsync(cancellationToken: stoppingToken); // the dashboard's figures, ready before anyone asks
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "background analysis of {Organisation} failed", workspace.Organisation);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Computes the sentence vectors of new and changed incidents, a few at a time, resting as long as it worked: the
    /// model takes at most half the machine from requests. Incidents are searchable before their vector exists.
    /// </summary>
    private async Task EmbedAsync(CancellationToken stoppingToken)
    {
        if (settings.Workspaces.Embedder is null)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var done = 0;
            var failed = false;
            foreach (var workspace in engine.Open)
            {
                try
                {
                    done += await workspace.Retrieval.EmbedPendingAsync(8, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The model failed on every text: it cannot run here (a missing native library, memory). Said once,
                    // then tried again less and less often, up to every ten minutes; searches go on without the feature.
                    if (failures == 0)
                    {
                        logger.LogWarning(ex, "the sentence model failed computing vectors of {Organisation}; retrying with back-off", workspace.Organisation);
                    }

                    failed = true;
                }
            }

            failures = failed ? failures + 1 : 0;
            var worked = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var rest = failed ? TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Min(failures, 10))))
                : done == 0 ? TimeSpan.FromSeconds(1) : worked;
            await Task.Delay(rest, stoppingToken);
        }
    }

    private async Task JournalAsync(CancellationToken stoppingToken)
    {
        if ((settings.MetricsDirectory ?? settings.LogDirectory) is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "metrics.jsonl");
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var snapshot = engine.Telemetry.Snapshot();
                var line = new JsonObject
                {
                    ["at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["pattern_count"] = snapshot.Patterns,
                    ["cache_hit_ratio"] = Math.Round(snapshot.CacheHitRatio, 4),
                    ["memory_bytes"] = snapshot.MemoryBytes,
                    ["searches"] = snapshot.Searches,
                    ["search_mean_ms"] = Math.Round(snapshot.SearchMeanMilliseconds, 3),
                    ["registrations"] = snapshot.Registrations,
                    ["registration_mean_ms"] = Math.Round(snapshot.RegistrationMeanMilliseconds, 3),
                    ["errors"] = snapshot.Errors,
                };
                await File.AppendAllTextAsync(path, line.ToJsonString(JsonSerializerOptions.Default) + "\n", stoppingToken);
            }
            catch (IOException ex)
            {
                logger.LogWarning(ex, "cannot append to {Path}", path);
            }
        }
    }
}

/// <summary>Whether the service is ready for traffic: its workspaces warmed (the store's reachability is asked at each probe).</summary>
internal sealed class Readiness
{
    private volatile bool _warm;

    /// <summary>Whether every organisation's workspace was loaded once.</summary>
    public bool Warm
    {
        get => _warm;
        set => _warm = value;
    }
}
