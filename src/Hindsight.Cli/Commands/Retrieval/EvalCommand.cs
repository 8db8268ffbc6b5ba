using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Graphs;
using Hindsight.Import;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Evaluation;
using Hindsight.Retrieval.Training;
using Hindsight.Storage.Baselines;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight eval retrieval FILE</c>: how well similar-incident search finds known duplicates.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Records with duplicate links (bugreports format, or any format with links)" };
        var format = new Option<ImportFormat>("--format", "-f") { Description = "Input format", DefaultValueFactory = _ => ImportFormat.BugReports };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var weights = new Option<string?>("--weights") { Description = "Evaluate with these weights instead of the defaults: name=value,… (see 'hindsight weights')" };
        var fraction = new Option<double?>("--train-fraction") { Description = "Learn weights on the links of this random fraction of the linked records (0 < F < 1); evaluate on the rest only" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random split", DefaultValueFactory = _ => 1 };
        var baseline = new Option<string?>("--baseline") { Description = "Also run a baseline on the same records and queries: fts5 (SQLite FTS5 bm25)" };
        var retrieval = new Command("retrieval", "Use every linked record as a query against all others; report recall@1/5/10 and MRR")
        {
            file, format, json, weights, fraction, seed, baseline,
        };
        retrieval.SetAction((result, ct) =>
        {
            if (result.GetValue(baseline) is { } b && !b.Equals("fts5", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserError($"--baseline '{b}' is unknown; expected fts5");
            }

            if (result.GetValue(fraction) is { } f && f is <= 0 or >= 1)
            {
                throw new UserError($"--train-fraction {f} is out of range; expected a number between 0 and 1 (e.g. 0.5)");
            }

            var incidents = RecordFile.ReadIncidents(result.GetValue(file)!, result.GetValue(format), context);
            var report = Run(incidents, ParseWeights(result.GetValue(weights)), result.GetValue(fraction), result.GetValue(seed), result.GetValue(baseline) is not null, context.Clock.GetUtcNow());
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
            }
            else
            {
                Print(context.Out, report);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("eval", "Measure the engine on your own data") { retrieval, EvalClassifyCommand.Create(context), EvalAnomalyCommand.Create(context) };
    }

    private static JsonObject Run(IReadOnlyList<Incident> incidents, SimilarityWeights weights, double? fraction, int seed, bool fts5, DateTimeOffset now)
    {
        var index = new IncidentIndex();
        foreach (var incident in incidents)
        {
            index.Add(incident);
        }

        var queries = RetrievalEvaluation.Queries(incidents);
        var graph = DependencyGraph.Empty;
        JsonObject report;
        if (fraction is { } f)
        {
            var (train, test) = LinkSplit.Split(queries, f, seed);
            var testIds = test.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var pairs = TrainingPairs.FromLinks(index, train, id => !testIds.Contains(id), weights, graph, now);
            var run = PairwiseTrainer.Train(pairs, weights, new AdagradOptimizer(SimilarityFeatures.Count), WeightTraining.Epochs, seed);
            report = ToJson(RetrievalEvaluation.Evaluate(index, test, run.Weights, graph, now));
            report["trained_queries"] = train.Count;
            report["trained_pairs"] = run.Pairs;
            report["untrained"] = ToJson(RetrievalEvaluation.Evaluate(index, test, weights, graph, now));
            report["weights"] = WeightsJson(run.Weights);
            queries = test;
        }
        else
        {
            report = ToJson(RetrievalEvaluation.Evaluate(index, queries, weights, graph, now));
        }

        if (fts5)
        {
            using var baseline = new Fts5Baseline(incidents.Select(i => (i.Id, i.Title, i.Summary)));
            report["fts5"] = ToJson(RetrievalEvaluation.Evaluate(queries, q =>
                baseline.Search(q.Title + "\n" + q.Summary, RetrievalEvaluation.Depth, exclude: q.Id)));
        }

        return report;
    }

    internal static SimilarityWeights ParseWeights(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SimilarityWeights.Default;
        }

        var named = new Dictionary<string, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || SimilarityFeatures.Parse(part[..eq]) is null
                || !double.TryParse(part[(eq + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                throw new UserError($"--weights: '{part}' is not NAME=NUMBER with NAME one of {string.Join(", ", SimilarityFeatures.All.Select(SimilarityFeatures.Name))}");
            }

            named[part[..eq].Trim()] = value;
        }

        return SimilarityWeights.FromDictionary(named);
    }

    internal static JsonObject WeightsJson(SimilarityWeights weights)
    {
        var o = new JsonObject();
        foreach (var (name, value) in weights.ToDictionary())
        {
            o[name] = Math.Round(value, 4);
        }

        return o;
    }

    internal static JsonObject ToJson(RetrievalScores s) => new()
    {
        ["queries"] = s.Queries,
        ["recall_at_1"] = s.RecallAt1,
        ["recall_at_5"] = s.RecallAt5,
        ["recall_at_10"] = s.RecallAt10,
        ["mrr"] = s.Mrr,
    };

    private static void Print(TextWriter o, JsonObject report)
    {
        Line(o, report.ContainsKey("trained_pairs") ? "trained" : "hindsight", report);
        if (report["untrained"] is JsonObject untrained)
        {
            Line(o, "untrained", untrained);
            o.WriteLine($"           (trained on the links of {report["trained_queries"]} records, {report["trained_pairs"]} ranking pairs; evaluated on the other records only)");
        }

        if (report["fts5"] is JsonObject fts)
        {
            Line(o, "fts5", fts);
        }
    }

    private static void Line(TextWriter o, string name, JsonObject s) =>
        o.WriteLine($"{name,-10} queries {(int)s["queries"]!,5}  recall@1 {(double)s["recall_at_1"]!:0.000}  recall@5 {(double)s["recall_at_5"]!:0.000}  recall@10 {(double)s["recall_at_10"]!:0.000}  MRR {(double)s["mrr"]!:0.000}");
}
