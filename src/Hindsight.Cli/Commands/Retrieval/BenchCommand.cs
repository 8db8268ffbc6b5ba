using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Hindsight.Canonical;
using Hindsight.Cli.Output;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Statistics;
using Hindsight.Storage.Baselines;
using Hindsight.Storage.Ingestion;
using Hindsight.Storage.Retrieval;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary>
/// <c>hindsight bench</c>: generates a history, ingests it into a fresh store, indexes it, and times similar-incident
/// queries built from held-back incidents, beside SQLite FTS5 bm25 on the same texts, all in one run.
/// </summary>
internal static class BenchCommand
{
    private const int RepeatedQueries = 2_000;

    public static Command Create(CliContext context)
    {
        var incidents = new Option<int>("--incidents", "-n") { Description = "How many incidents to generate and index", DefaultValueFactory = _ => 10_000 };
        var queries = new Option<int>("--queries", "-q") { Description = "How many queries (held-back incidents)", DefaultValueFactory = _ => 200 };
        var ftsQueries = new Option<int>("--fts5-queries") { Description = "How many of them also run on SQLite FTS5 (slow at scale)", DefaultValueFactory = _ => 50 };
        var json = GlobalOptions.Json();
        var command = new Command("bench", "Measure ingest, search latency, index size and cold start on a generated history (in a temporary store)") { incidents, queries, ftsQueries, json };
        command.SetAction(async (result, ct) =>
        {
            var n = result.GetValue(incidents);
            var q = result.GetValue(queries);
            if (n < 10 || q < 1)
            {
                throw new UserError("--incidents must be at least 10 and --queries at least 1");
            }

            var folder = Directory.CreateTempSubdirectory("hindsight-bench-").FullName;
            try
            {
                var report = await RunAsync(n, q, Math.Min(q, result.GetValue(ftsQueries)), folder, context, ct);
                if (result.GetValue(json))
                {
                    JsonOut.Write(context.Out, report);
                }
                else
                {
                    foreach (var (name, value) in report)
                    {
                        context.Out.WriteLine($"{name,-28} {value}");
                    }
                }
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<JsonObject> RunAsync(int n, int q, int ftsQueries, string folder, CliContext context, CancellationToken ct)
    {
        void Say(string what) => context.Error.WriteLine($"bench: {what}");

        // Generate N + Q incidents; every (N+Q)/Q-th one is held back as a query, the rest go to the file
        Say($"generating {n + q:N0} incidents");
        var file = Path.Combine(folder, "history.jsonl");
        var held = new List<Incident>();
        var stride = Math.Max(2, (n + q) / q);
        var count = 0;
        await using (var output = File.Create(file))
        {
            JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(n + q)).Where(r =>
            {
                if (r is not Incident i)
                {
                    return true;
                }

                if (held.Count < q && count++ % stride == stride - 1)
                {
                    held.Add(i);
                    return false;
                }

                return true;
            }), output);
        }

        var storeFolder = Path.Combine(folder, "store");
        var store = SqliteHistoryStore.Open(storeFolder);
        await using var _ = store;
        Say("ingesting");
        var clock = Stopwatch.StartNew();
        await new HistoryIngestor(store).IngestFileAsync(file, new IngestOptions(), cancellationToken: ct);
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        var stored = (await store.CountAsync("default", ct))[RecordKind.Incident];

        Say("indexing");
        var snapshot = Path.Combine(folder, "index", "default.hsx");
        var options = new EngineOptions(snapshot);
        var now = context.Clock.GetUtcNow();
        var querySet = held.Select(i => QueryOf(AsOpen(i), now)).ToList();
        var fullSet = held.Select(i => QueryOf(i, now)).ToList();
        clock.Restart();
        double indexSeconds;
        var latencies = new List<double>();
        var fullLatencies = new List<double>();
        var cached = new List<double>();
        double hitRatio;
        using (var engine = await SimilarityEngine.OpenAsync(store, "default", options, context.Clock, ct))
        {
            indexSeconds = clock.Elapsed.TotalSeconds;
            Say($"searching ({held.Count} queries)");
            foreach (var query in querySet.Take(5))
            {
                Uncached(engine, query, now); // warm-up
            }

            foreach (var query in querySet)
            {
                clock.Restart();
                Uncached(engine, query, now);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            foreach (var query in fullSet)
            {
                clock.Restart();
                Uncached(engine, query, now);
                fullLatencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            // what on-call traffic looks like: the same few incidents asked about again and again (Zipf, s = 1)
            Say($"repeated queries through the cache ({RepeatedQueries:N0})");
            var zipf = new ZipfSampler(querySet.Count, 1.0, new Random(7));
            for (var r = 0; r < RepeatedQueries; r++)
            {
                var query = querySet[zipf.Next()];
                clock.Restart();
                engine.Search(query);
                cached.Add(clock.Elapsed.TotalMilliseconds);
            }

            hitRatio = engine.CacheHitRatio;
        }

        GC.Collect();
        Say("cold start");
        clock.Restart();
        double coldSeconds;
        using (var reopened = await SimilarityEngine.OpenAsync(store, "default", options, context.Clock, ct))
        {
            reopened.Search(querySet[0]);
            coldSeconds = clock.Elapsed.TotalSeconds;
            if (!reopened.LoadedSnapshot)
            {
                throw new InvalidOperationException("the engine did not reopen from its snapshot");
            }
        }

        long peak;
        using (var self = Process.GetCurrentProcess())
        {
            peak = self.PeakWorkingSet64;
        }

        Say($"SQLite FTS5 baseline ({ftsQueries} queries)");
        var ftsLatencies = new List<double>();
        var texts = new List<(string, string, string?)>();
        await foreach (var record in store.ReadAsync("default", Hindsight.Storage.RecordQuery.Incidents, ct))
        {
            var i = (Incident)record;
            texts.Add((i.Id, i.Title, i.Summary));
        }

        using (var fts = new Fts5Baseline(texts))
        {
            texts.Clear();
            foreach (var query in held.Take(ftsQueries))
            {
                clock.Restart();
                fts.Search(query.Title + "\n" + query.Summary, 10);
                ftsLatencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return new JsonObject
        {
            ["incidents"] = stored,
            ["queries"] = latencies.Count,
            ["ingest_per_s"] = Math.Round(stored / ingestSeconds),
            ["index_per_s"] = Math.Round(stored / indexSeconds),
            ["search_p50_ms"] = Math.Round(Quantiles.Median(latencies) ?? 0, 3),
            ["search_p99_ms"] = Math.Round(Quantiles.Of(latencies, 0.99) ?? 0, 3),
            ["search_full_p50_ms"] = Math.Round(Quantiles.Median(fullLatencies) ?? 0, 3),
            ["search_full_p99_ms"] = Math.Round(Quantiles.Of(fullLatencies, 0.99) ?? 0, 3),
            ["index_bytes_per_incident"] = Math.Round(new FileInfo(snapshot).Length / (double)stored),
            ["peak_rss_bytes"] = peak,
            ["cold_start_s"] = Math.Round(coldSeconds, 3),
            ["cache_hit_ratio"] = Math.Round(hitRatio, 3),
            ["cached_search_p50_ms"] = Math.Round(Quantiles.Median(cached) ?? 0, 3),
            ["fts5_queries"] = ftsLatencies.Count,
            ["fts5_search_p50_ms"] = Math.Round(Quantiles.Median(ftsLatencies) ?? 0, 3),
        };
    }

    private static IReadOnlyList<SimilarMatch> Uncached(SimilarityEngine engine, SimilarityQuery query, DateTimeOffset now) =>
        engine.Read(index => index.Search(query, engine.Weights, engine.Graph, now));

    /// <summary>
    /// The held-back incident as the on-call engineer knows it while it is open: title, summary, services, severity,
    /// start — not yet its failure mode or root cause. FTS5 gets the same title and summary.
    /// </summary>
    private static Incident AsOpen(Incident held) => held with { FailureMode = null, RootCauses = [] };

    /// <summary>A similar-incident query for a held-back incident, top 10.</summary>
    private static SimilarityQuery QueryOf(Incident held, DateTimeOffset now) => SimilarityQuery.For(held, 10) with { Exclude = null, At = now };
}
