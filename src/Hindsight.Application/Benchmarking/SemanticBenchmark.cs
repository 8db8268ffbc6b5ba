using System.Diagnostics;
using Hindsight.Application.Retrieval;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Semantics;
using Hindsight.Statistics;

namespace Hindsight.Application.Benchmarking;

/// <summary>
/// What the semantic feature costs at a benchmark's scale: the model's rate on a sample of the history's texts (the
/// time for every incident extrapolated from it), the bytes of a vector on disk, and search latency with it — every
/// incident holding a vector of the sample (computing all would take hours at a million; search costs the same).
/// </summary>
internal static class SemanticBenchmark
{
    /// <summary>Runs after the plain search timings, on the same engine and queries.</summary>
    public static SemanticCost? Run(SimilarityEngine engine, IReadOnlyList<Incident> history, IReadOnlyList<SimilarityQuery> queries, ITextEmbedder embedder, int sample, DateTimeOffset now, Action<string> say)
    {
        var stride = Math.Max(1, history.Count / sample);
        var texts = history.Where((_, i) => i % stride == 0).Select(i => EmbeddingText.Of(IndexedText.Of(i))).OfType<string>().Take(sample).ToList();
        if (texts.Count == 0)
        {
            say("semantic: no English text to measure the model on; left out");
            return null;
        }

        say($"semantic: the model on {texts.Count:N0} of the history's texts");
        embedder.Embed(texts.Take(4).ToList()); // loads the model
        var timer = Stopwatch.StartNew();
        var vectors = new List<float[]>();
        for (var at = 0; at < texts.Count; at += SentenceVectors.Batch)
        {
            vectors.AddRange(embedder.Embed(texts.Skip(at).Take(SentenceVectors.Batch).ToList()));
        }

        var perSecond = texts.Count / timer.Elapsed.TotalSeconds;
        say("semantic: every incident given a vector of the sample; vector file written");
        var bytes = engine.FillFromSample(vectors);
        var embedded = engine.Vectors.Embedded;

        say($"semantic: searching ({queries.Count} queries, each embedded)");
        var latencies = new List<double>();
        var embedding = new List<double>();
        foreach (var query in queries)
        {
            timer.Restart();
            engine.SearchUncached(query, now);
            latencies.Add(timer.Elapsed.TotalMilliseconds);
            timer.Restart();
            embedder.Embed([EmbeddingText.Of(query.Text) ?? query.Text.Title]);
            embedding.Add(timer.Elapsed.TotalMilliseconds);
        }

        return new SemanticCost(
            embedder.Model,
            texts.Count,
            Math.Round(perSecond, 1),
            Math.Round(engine.Count / perSecond / 3600, 2),
            embedded == 0 ? 0 : Math.Round(bytes / (double)embedded, 1),
            Math.Round(Quantiles.Median(latencies) ?? 0, 3),
            Math.Round(Quantiles.Of(latencies, 0.99) ?? 0, 3),
            Math.Round(Quantiles.Median(embedding) ?? 0, 3));
    }
}

/// <summary>What the semantic feature costs (see <see cref="SemanticBenchmark"/>).</summary>
/// <param name="Model">The sentence model.</param>
/// <param name="Sample">Texts the model's rate was measured on.</param>
/// <param name="VectorsPerS">Vectors computed a second, in batches, on this machine.</param>
/// <param name="HoursForAll">Hours to compute every incident's vector at that rate (extrapolated; the service does it in the background).</param>
/// <param name="BytesPerIncident">The vector file per incident (id, text hash, scale, a byte per dimension).</param>
/// <param name="SearchP50Ms">Median search latency with the semantic feature (the query embedded, candidates reranked).</param>
/// <param name="SearchP99Ms">99th percentile.</param>
/// <param name="QueryEmbedP50Ms">Median time to embed a query alone: the part of the latency that is the model's.</param>
public sealed record SemanticCost(
    string Model, int Sample, double VectorsPerS, double HoursForAll, double BytesPerIncident, double SearchP50Ms, double SearchP99Ms, double QueryEmbedP50Ms);
