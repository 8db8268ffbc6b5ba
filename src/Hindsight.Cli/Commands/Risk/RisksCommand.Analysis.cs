using System.CommandLine;
using Hindsight.Cli.Output;
using Hindsight.Risks;

namespace Hindsight.Cli.Commands.Risk;

internal static partial class RisksCommand
{
    private static readonly RiskBand[] Bands = [RiskBand.Low, RiskBand.Medium, RiskBand.High];

    private static Command Matrix(CliContext context)
    {
        var json = GlobalOptions.Json();
        var html = new Option<string?>("--html") { Description = "Also write the heat map as an HTML page to this file" };
        var command = new Command("matrix", "The 3×3 heat map: impact by probability, each cell's level and its risks") { json, html };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var matrix = await host.Workspace.Risks.MatrixAsync(ct);
            var risks = matrix.Register;
            if (result.GetValue(html) is { } page)
            {
                await File.WriteAllTextAsync(page, RiskHeatMap.Html(risks, $"Risk matrix — {host.Organisation}"), ct);
                context.Error.WriteLine($"wrote the heat map to {page}");
            }

            List<string> In(RiskBand probability, RiskBand impact) =>
                [.. matrix.Cells.Single(c => c.Probability == Band(probability) && c.Impact == Band(impact)).Risks];
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, matrix.Cells);
                return ExitCodes.Ok;
            }

            const int width = 26;
            var o = context.Out;
            o.WriteLine($"{"impact ↓  probability →",-24}" + string.Concat(Bands.Select(b => $"| {Band(b),-(width - 2)}")));
            foreach (var impact in Bands.Reverse())
            {
                o.WriteLine(new string('-', 24) + string.Concat(Bands.Select(_ => "+" + new string('-', width - 1))));
                var cells = Bands.Select(p => (Level: RiskMatrix.Level(p, impact), Ids: In(p, impact))).ToList();
                o.WriteLine($"{Band(impact),-24}" + string.Concat(cells.Select(c => $"| {$"{Band(c.Level).ToUpperInvariant()} ({c.Ids.Count})",-(width - 2)}")));
                var lines = cells.Select(c => Wrap(c.Ids, width - 2)).ToList();
                for (var line = 0; line < lines.Max(l => l.Count); line++)
                {
                    o.WriteLine(new string(' ', 24) + string.Concat(lines.Select(l => $"| {(line < l.Count ? l[line] : ""),-(width - 2)}")));
                }
            }

            o.WriteLine($"{risks.Count} risk(s): {risks.Count(r => r.Level == RiskBand.High)} high (act now), {risks.Count(r => r.Level == RiskBand.Medium)} medium (planned), {risks.Count(r => r.Level == RiskBand.Low)} low (monitor)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Assess(CliContext context)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Judge the four quarters before this date (default: now)" };
        var json = GlobalOptions.Json();
        var command = new Command("assess", "Re-estimate each risk's probability from the incidents linked to it and flag the risks whose stated level no longer matches") { asOf, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var assessment = await host.Workspace.Risks.AssessAsync(result.GetValue(asOf), ct);
            var evidence = assessment.Risks;
            var now = assessment.AsOf;
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, evidence);
                return ExitCodes.Ok;
            }

            if (evidence.Count == 0)
            {
                context.Out.WriteLine(assessment.RegisterSize == 0
                    ? "The register is empty; import one with 'hindsight risks import FILE' (or --example)."
                    : "No incident links to a risk yet: give incidents a 'risks' list of risk ids (docs/formats.md) and the history will re-estimate each risk.");
                return ExitCodes.Ok;
            }

            foreach (var e in evidence.Where(e => !e.Agrees))
            {
                var direction = Rank(e.ObservedProbability) > Rank(e.StatedProbability) ? "happens MORE often than stated" : "happens less often than stated";
                context.Out.WriteLine($"{e.Id} {direction}: stated probability {e.StatedProbability} (level {e.StatedLevel}), observed {e.ObservedProbability} — linked incidents in {e.QuartersHit} of {e.Quarters} quarter(s) ({e.ObservedPercent:0}%) → level {e.ObservedLevel}");
                if (e.Incidents.Count > 0)
                {
                    context.Out.WriteLine($"    evidence: {string.Join(", ", e.Incidents.Take(10))}{(e.Incidents.Count > 10 ? $" and {e.Incidents.Count - 10} more" : "")}");
                }
            }

            context.Out.WriteLine($"{evidence.Count(e => e.Agrees)} of {evidence.Count} risk(s) agree with the last {evidence[0].Quarters} quarter(s) of incidents (as of {now:yyyy-MM-dd})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Rank(string band) => band switch { "low" => 0, "medium" => 1, "high" => 2, _ => -1 };

    private static List<string> Wrap(List<string> ids, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var id in ids)
        {
            if (line.Length > 0 && line.Length + id.Length + 1 > width)
            {
                lines.Add(line);
                line = "";
            }

            line = line.Length == 0 ? id : line + " " + id;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }
}
