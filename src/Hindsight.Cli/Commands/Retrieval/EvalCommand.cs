using System.CommandLine;
using Hindsight.Application.Evaluation;
using Hindsight.Cli.Output;
using Hindsight.Import;

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

            var incidents = RecordFile.ReadIncidents(result.GetValue(file)!, result.GetValue(format), context);
            var embedder = CliHost.EmbedderOf(context);
            if (embedder is not null)
            {
                context.Error.WriteLine($"eval: computing the sentence vectors of {incidents.Count:N0} records first (about 20 ms each here; HINDSIGHT_SEMANTIC=off leaves them out)");
            }

            var report = Evaluations.Retrieval(incidents, result.GetValue(weights), result.GetValue(fraction), result.GetValue(seed), result.GetValue(baseline) is not null, context.Clock.GetUtcNow(),
                embedder, ct);
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
        return new Command("eval", "Measure the engine on your own data") { retrieval, EvalClassifyCommand.Create(context), EvalAnomalyCommand.Create(context), EvalThresholdsCommand.Create(context) };
    }

    private static void Print(TextWriter o, RetrievalEvaluationResult report)
    {
        Line(o, report.TrainedPairs is null ? "hindsight" : "trained", new RetrievalFigure(report.Queries, report.RecallAt1, report.RecallAt5, report.RecallAt10, report.Mrr));
        if (report.Untrained is { } untrained)
        {
            Line(o, "untrained", untrained);
            o.WriteLine($"           (trained on the links of {report.TrainedQueries} records, {report.TrainedPairs} ranking pairs; evaluated on the other records only)");
        }

        if (report.Fts5 is { } fts)
        {
            Line(o, "fts5", fts);
        }

        o.WriteLine(report.Semantic is { } s
            ? $"semantic   {s.Model}: {s.Vectors} records given a vector ({s.VectorsPerSecond:0} a second); HINDSIGHT_SEMANTIC=off leaves it out"
            : "semantic   off (HINDSIGHT_SEMANTIC=off)");
    }

    private static void Line(TextWriter o, string name, RetrievalFigure s) =>
        o.WriteLine($"{name,-10} queries {s.Queries,5}  recall@1 {s.RecallAt1:0.000}  recall@5 {s.RecallAt5:0.000}  recall@10 {s.RecallAt10:0.000}  MRR {s.Mrr:0.000}");
}
