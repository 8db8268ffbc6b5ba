using System.CommandLine;
using System.Globalization;
using Hindsight.Application.Evaluation;
using Hindsight.Cli.Commands.Risk;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight eval thresholds</c>: threshold tuning on labelled series, beside a fixed 3-sigma threshold.</summary>
internal static class EvalThresholdsCommand
{
    public static Command Create(CliContext context)
    {
        var seriesFiles = new Argument<string[]>("SERIES.csv") { Description = "Series files (timestamp,value)", Arity = ArgumentArity.OneOrMore };
        var windows = new Option<string>("--windows") { Description = "Labelled windows, the 'incidents' to catch (NAB combined_windows.json)", Required = true };
        var verbose = new Option<bool>("--each") { Description = "Print each series' table" };
        var json = GlobalOptions.Json();
        var command = new Command("thresholds", "Tune an alert threshold on each labelled series and compare it with a fixed 3-sigma threshold at the same false alarms") { seriesFiles, windows, verbose, json };
        command.SetAction(result =>
        {
            var report = ThresholdEvaluation.Of(EvalAnomalyCommand.ReadSeries(result.GetValue(seriesFiles)!, result.GetValue(windows)!, context.Error));
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            foreach (var (name, t) in report.PerSeries)
            {
                if (result.GetValue(verbose))
                {
                    AlertHistoryCommands.Print(o, t);
                    o.WriteLine();
                    continue;
                }

                var tuned = t.AtBaselineFalseAlarms;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} 3-sigma {t.Baseline.Detected}/{t.Incidents} ({t.Baseline.FalseAlarms} false)   tuned {tuned?.Detected ?? 0}/{t.Incidents} ({tuned?.FalseAlarms ?? 0} false)"));
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall: tuned thresholds caught {report.TunedDetected} of {report.Windows} windows with {report.TunedFalseAlarms} false alarms; fixed 3-sigma caught {report.BaselineDetected} with {report.BaselineFalseAlarms}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tuned caught more on {report.SeriesBetter} series, fewer on {report.SeriesWorse}, of {report.PerSeries.Count} (each within its series' 3-sigma false alarms)"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
