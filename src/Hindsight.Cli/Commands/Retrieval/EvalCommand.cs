using System.CommandLine;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Graphs;
using Hindsight.Import;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Evaluation;

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
        var retrieval = new Command("retrieval", "Use every linked record as a query against all others; report recall@1/5/10 and MRR") { file, format, json, weights };
        retrieval.SetAction((result, ct) =>
        {
            var incidents = RecordFile.ReadIncidents(result.GetValue(file)!, result.GetValue(format), context);
            var index = new IncidentIndex();
            foreach (var incident in incidents)
            {
                index.Add(incident);
            }

            var queries = RetrievalEvaluation.Queries(incidents);
            var scores = RetrievalEvaluation.Evaluate(index, queries, ParseWeights(result.GetValue(weights)), DependencyGraph.Empty, context.Clock.GetUtcNow());
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, ToJson(scores));
            }
            else
            {
                Print(context.Out, "hindsight", scores);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("eval", "Measure the engine on your own data") { retrieval };
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
                throw new UserError($"--weights: '{part}' is not NAME=NUMBER with NAME one of {string.Join(", ", SimilarityFeatures.All.Select(SimilarityFeatures.Name))}", ExitCodes.Usage);
            }

            named[part[..eq].Trim()] = value;
        }

        return SimilarityWeights.FromDictionary(named);
    }

    internal static JsonObject ToJson(RetrievalScores s) => new()
    {
        ["queries"] = s.Queries,
        ["recall_at_1"] = s.RecallAt1,
        ["recall_at_5"] = s.RecallAt5,
        ["recall_at_10"] = s.RecallAt10,
        ["mrr"] = s.Mrr,
    };

    internal static void Print(TextWriter o, string name, RetrievalScores s) =>
        o.WriteLine($"{name,-10} queries {s.Queries,5}  recall@1 {s.RecallAt1:0.000}  recall@5 {s.RecallAt5:0.000}  recall@10 {s.RecallAt10:0.000}  MRR {s.Mrr:0.000}");
}
