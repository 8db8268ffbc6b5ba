using System.Diagnostics;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Workspaces;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Retrieval;
using Hindsight.Statistics;
using Hindsight.Storage;
using Hindsight.Storage.Baselines;

namespace Hindsight.Application.Benchmarking;

/// <summary>
/// The search benchmark: generates a history, ingests it into a fresh embedded store in a scratch folder, indexes it,
/// and times similar-incident queries built from held-back incidents, beside Lucene.NET (BM25) and SQLite FTS5 bm25 on
/// the same texts, all in one run.
/// </summary>
public static class SearchBenchmark
{
    private const int RepeatedQueries = 2_000;
    private const int LuceneWarmUp = 20;

    /// <summary>Runs the benchmark in <paramref name="folder"/> (which it fills and leaves for the caller to delete).</summary>
    /// <param name="incidents">Incidents to generate and index.</param>
    /// <param name="queries">Held-back incidents to query with.</param>
    /// <param name="ftsQueries">How many of them also run on FTS5.</param>
    /// <param name="folder">A scratch folder.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="say">Progress messages.</param>
    /// <param name="embedder">The sentence model, to measure the semantic feature's cost too; null leaves it out.</param>
    /// <param name="semanticSample">Texts the model's rate is measured on.</param>
    /// <param name="apart">
    /// Runs a step in a fresh process on the benchmark's store folder (given), for memory figures that are the step's
    /// alone; null leaves those figures out.
    /// </param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<BenchResult> RunAsync(int incidents, int queries, int ftsQueries, string folder, TimeProvider clock, Action<string> say,
        Semantics.ITextEmbedder? embedder = null, int semanticSample = 1_000, Func<BenchStep, string, CancellationToken, Task<StepCost>>? apart = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(say);

        // Generate N + Q incidents; every (N+Q)/Q-th one is held back as a query, the rest go to the file.
        say($"generating {incidents + queries:N0} incidents");
        var file = Path.Combine(folder, "history.jsonl");
        var held = new List<Incident>();
        var stride = Math.Max(2, (incidents + queries) / queries);
        var count = 0;
        await using (var output = File.Create(file))
        {
            JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(incidents + queries)).Where(r =>
            {
                if (r is Hindsight.AlertHistory.AlertFiring)
                {
                    return false; // the benchmark measures incidents; the generator's alert firings would only add writes
                }

                if (r is not Incident i)
                {
                    return true;
                }

                if (held.Count < queries && count++ % stride == stride - 1)
                {
                    held.Add(i);
                    return false;
                }

                return true;
            }), output);
        }

        var store = new StoreOptions(Path.Combine(folder, "store"), null);
        var now = clock.GetUtcNow();
        var querySet = held.Select(i => QueryOf(AsOpen(i), now)).ToList();
        var fullSet = held.Select(i => QueryOf(i, now)).ToList();
        double ingestSeconds, indexSeconds, hitRatio;
        long stored;
        string snapshot;
        var latencies = new List<double>();
        var fullLatencies = new List<double>();
        var cached = new List<double>();
        var texts = new List<(string, string, string?)>();
        SemanticCost? semantic = null;
        var timer = Stopwatch.StartNew();
        // With the model, the plain timings run before any incident has a vector: the feature costs nothing until then.
        await using (var engine = await HindsightEngine.OpenAsync(store, new WorkspaceOptions { Embedder = embedder }, clock, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var workspace = engine.For(Organisation.Default);
            say("ingesting");
            timer.Restart();
            await new HistoryIngestor(workspace.Store, workspace.Organisation).IngestFileAsync(file, new IngestOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
            ingestSeconds = timer.Elapsed.TotalSeconds;
            stored = (await workspace.Store.CountAsync(workspace.Organisation, cancellationToken).ConfigureAwait(false))[History.RecordKind.Incident];

            say("indexing");
            timer.Restart();
            var search = await workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
            indexSeconds = timer.Elapsed.TotalSeconds;
            snapshot = Path.Combine(workspace.Store.LocalFolder!, "index", workspace.Organisation.Name + ".hsx");
            say($"searching ({held.Count} queries)");
            GC.Collect(); // the ingest's and the build's garbage is not the searches' to pay for: a serving process has none of it
            foreach (var query in querySet.Take(5))
            {
                search.SearchUncached(query, now); // warm-up
            }

            foreach (var query in querySet)
            {
                timer.Restart();
                search.SearchUncached(query, now);
                latencies.Add(timer.Elapsed.TotalMilliseconds);
            }

            foreach (var query in fullSet)
            {
                timer.Restart();
                search.SearchUncached(query, now);
                fullLatencies.Add(timer.Elapsed.TotalMilliseconds);
            }

            // What on-call traffic looks like: the same few incidents asked about again and again (Zipf, s = 1).
            say($"repeated queries through the cache ({RepeatedQueries:N0})");
            var zipf = new ZipfSampler(querySet.Count, 1.0, new Random(7));
            for (var r = 0; r < RepeatedQueries; r++)
            {
                var query = querySet[zipf.Next()];
                timer.Restart();
                search.Search(query);
                cached.Add(timer.Elapsed.TotalMilliseconds);
            }

            hitRatio = search.CacheHitRatio;
            var history = await workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
            texts.AddRange(history.AllIncidents.Select(i => (i.Id, i.Title, i.Summary)));
            if (embedder is not null && semanticSample > 0)
            {
                semantic = SemanticBenchmark.Run(search, history.AllIncidents, querySet, embedder, semanticSample, now, say);
            }
        }

        GC.Collect();
        StepCost? build = null, serve = null, report = null;
        if (apart is not null)
        {
            say("index build, serving and report, each in a fresh process");
            build = await apart(BenchStep.Build, store.Directory!, cancellationToken).ConfigureAwait(false);
            serve = await apart(BenchStep.Serve, store.Directory!, cancellationToken).ConfigureAwait(false);
            report = await apart(BenchStep.Report, store.Directory!, cancellationToken).ConfigureAwait(false);
        }

        say("cold start");
        timer.Restart();
        double coldSeconds;
        await using (var reopened = await HindsightEngine.OpenAsync(store, new WorkspaceOptions(), clock, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var search = await reopened.For(Organisation.Default).EngineAsync(cancellationToken).ConfigureAwait(false);
            search.Search(querySet[0]);
            coldSeconds = timer.Elapsed.TotalSeconds;
            if (!search.LoadedSnapshot)
            {
                throw new InvalidOperationException("the engine did not reopen from its snapshot");
            }
        }

        long peak;
        using (var self = Process.GetCurrentProcess())
        {
            peak = self.PeakWorkingSet64;
        }

        say($"Lucene.NET baseline ({held.Count} queries)");
        var luceneLatencies = new List<double>();
        double luceneBuildSeconds;
        long luceneBytes;
        using (var lucene = new LuceneBaseline(texts, folder))
        {
            (luceneBuildSeconds, luceneBytes) = (lucene.BuildSeconds, lucene.IndexBytes);
            foreach (var query in held.Take(LuceneWarmUp))
            {
                lucene.Search(query.Title + "\n" + query.Summary, 10); // compiled before it is timed
            }

            foreach (var query in held)
            {
                timer.Restart();
                lucene.Search(query.Title + "\n" + query.Summary, 10);
                luceneLatencies.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        say($"SQLite FTS5 baseline ({ftsQueries} queries)");
        var ftsLatencies = new List<double>();
        using (var fts = new Fts5Baseline(texts))
        {
            texts.Clear();
            foreach (var query in held.Take(ftsQueries))
            {
                timer.Restart();
                fts.Search(query.Title + "\n" + query.Summary, 10);
                ftsLatencies.Add(timer.Elapsed.TotalMilliseconds);
            }
        }

        return new BenchResult(
            stored,
            latencies.Count,
            Math.Round(stored / ingestSeconds),
            Math.Round(stored / indexSeconds),
            Math.Round(Quantiles.Median(latencies) ?? 0, 3),
            Math.Round(Quantiles.Of(latencies, 0.99) ?? 0, 3),
            Math.Round(Quantiles.Median(fullLatencies) ?? 0, 3),
            Math.Round(Quantiles.Of(fullLatencies, 0.99) ?? 0, 3),
            Math.Round(new FileInfo(snapshot).Length / (double)stored),
            peak,
            Math.Round(coldSeconds, 3),
            Math.Round(hitRatio, 3),
            Math.Round(Quantiles.Median(cached) ?? 0, 3),
            ftsLatencies.Count,
            Math.Round(Quantiles.Median(ftsLatencies) ?? 0, 3))
        {
            LuceneSearchP50Ms = Math.Round(Quantiles.Median(luceneLatencies) ?? 0, 3),
            LuceneSearchP99Ms = Math.Round(Quantiles.Of(luceneLatencies, 0.99) ?? 0, 3),
            LuceneIndexPerS = Math.Round(stored / luceneBuildSeconds),
            LuceneIndexBytesPerIncident = Math.Round(luceneBytes / (double)stored, 1),
            Semantic = semantic,
            IndexBuildPerS = build is null ? null : Math.Round(stored / build.Seconds),
            IndexBuildPeakRssBytes = build?.PeakRssBytes,
            ServingRssBytes = serve?.RssBytes,
            ServingColdStartS = serve?.Seconds,
            ReportS = report?.Seconds,
            ReportPeakRssBytes = report?.PeakRssBytes,
        };
    }

    /// <summary>
    /// The held-back incident as the on-call engineer knows it while it is open: title, summary, services, severity,
    /// start — not yet its failure mode or root cause. FTS5 gets the same title and summary.
    /// </summary>
    private static Incident AsOpen(Incident held) => held with { FailureMode = null, RootCauses = [] };

    /// <summary>A similar-incident query for a held-back incident, top 10.</summary>
    private static SimilarityQuery QueryOf(Incident held, DateTimeOffset now) => SimilarityQuery.For(held, 10) with { Exclude = null, At = now };
}

/// <summary>What the search benchmark measured.</summary>
/// <param name="Incidents">Incidents stored.</param>
/// <param name="Queries">Queries timed.</param>
/// <param name="IngestPerS">Incidents ingested per second.</param>
/// <param name="IndexPerS">Incidents indexed per second.</param>
/// <param name="SearchP50Ms">Median search latency (open-incident queries).</param>
/// <param name="SearchP99Ms">99th percentile.</param>
/// <param name="SearchFullP50Ms">Median with whole postmortems as queries.</param>
/// <param name="SearchFullP99Ms">99th percentile of those.</param>
/// <param name="IndexBytesPerIncident">Snapshot size per incident.</param>
/// <param name="PeakRssBytes">Peak resident memory of the process.</param>
/// <param name="ColdStartS">Open from the snapshot and answer one query.</param>
/// <param name="CacheHitRatio">Hit ratio of repeated (Zipf) queries.</param>
/// <param name="CachedSearchP50Ms">Median latency of those.</param>
/// <param name="Fts5Queries">Queries run on FTS5.</param>
/// <param name="Fts5SearchP50Ms">FTS5's median latency.</param>
public sealed record BenchResult(
    long Incidents, int Queries, double IngestPerS, double IndexPerS, double SearchP50Ms, double SearchP99Ms, double SearchFullP50Ms, double SearchFullP99Ms,
    double IndexBytesPerIncident, long PeakRssBytes, double ColdStartS, double CacheHitRatio, double CachedSearchP50Ms, int Fts5Queries, double Fts5SearchP50Ms)
{
    /// <summary>Lucene.NET's median latency on the same queries (title and summary; BM25, top 10).</summary>
    public double LuceneSearchP50Ms { get; init; }

    /// <summary>Its 99th percentile.</summary>
    public double LuceneSearchP99Ms { get; init; }

    /// <summary>Incidents Lucene.NET indexed per second (analysis, writing, one merged segment).</summary>
    public double LuceneIndexPerS { get; init; }

    /// <summary>Its index on disk per incident.</summary>
    public double LuceneIndexBytesPerIncident { get; init; }

    /// <summary>Incidents indexed per second by a fresh process building the index from the store (no snapshot).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? IndexBuildPerS { get; init; }

    /// <summary>That process's peak resident memory.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? IndexBuildPeakRssBytes { get; init; }

    /// <summary>
    /// Resident memory of a fresh process serving searches: the index opened from its snapshot, one search answered, a
    /// full collection (the sentence model off).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? ServingRssBytes { get; init; }

    /// <summary>That process's open from the snapshot and first answer, in seconds (its runtime start-up excluded).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? ServingColdStartS { get; init; }

    /// <summary>The learning report computed by a fresh process, in seconds (reading the store included).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? ReportS { get; init; }

    /// <summary>That process's peak resident memory.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? ReportPeakRssBytes { get; init; }

    /// <summary>What the semantic feature costs, when the model is on.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SemanticCost? Semantic { get; init; }
}
