using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hindsight.Application.Evaluation;
using Hindsight.Cli.Output;
using Hindsight.Vocabulary;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight eval anomaly</c>: the anomaly detector against labelled windows (NAB format), beside a naive 3-sigma detector.</summary>
internal static class EvalAnomalyCommand
{
    public static Command Create(CliContext context)
    {
        var seriesFiles = new Argument<string[]>("SERIES.csv") { Description = "Series files (timestamp,value)", Arity = ArgumentArity.OneOrMore };
        var windows = new Option<string>("--windows") { Description = "Labelled anomaly windows (NAB combined_windows.json)", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("anomaly", "Score the anomaly detector on labelled series: precision, recall, F1 per series and overall, beside a 3-sigma baseline") { seriesFiles, windows, json };
        command.SetAction(result =>
        {
            var series = ReadSeries(result.GetValue(seriesFiles)!, result.GetValue(windows)!, context.Error);
            var report = Evaluations.Anomalies(series);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            foreach (var (name, figure) in report.PerSeries)
            {
                o.WriteLine($"{name,-58} F1 {figure.Detector.F1:0.00} (P {figure.Detector.Precision:0.00} R {figure.Detector.Recall:0.00})   3-sigma F1 {figure.Baseline.F1:0.00}");
            }

            var (all, allBaseline) = (report.Overall, report.BaselineOverall);
            o.WriteLine($"overall: F1 {all.F1:0.000}, precision {all.Precision:0.000}, recall {all.Recall:0.000} ({all.Hits} of {all.Windows} windows, {all.FalsePositives} false positives)");
            o.WriteLine($"3-sigma baseline: F1 {allBaseline.F1:0.000}, precision {allBaseline.Precision:0.000}, recall {allBaseline.Recall:0.000} ({allBaseline.Hits} hits, {allBaseline.FalsePositives} false positives)");
            if (report.NabStandard is { } nab)
            {
                o.WriteLine($"NAB score, standard profile (100 perfect, 0 detecting nothing): {nab:0.0}; 3-sigma baseline {report.BaselineNabStandard:0.0}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Reads series files (timestamp,value) and their labelled windows (NAB's combined_windows.json). Samples out of time
    /// order (an hour written twice) are put in order, keeping the order of equal times, with a warning.
    /// </summary>
    internal static List<LabelledSeries> ReadSeries(string[] paths, string windowsPath, TextWriter warnings)
    {
        var labels = Windows(windowsPath);
        var series = new List<LabelledSeries>();
        foreach (var path in paths)
        {
            var key = labels.Keys.Where(k => path.Replace('\\', '/').EndsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length)
                ?? throw new UserError($"{path}: no labelled windows for this series (its path must end with a key of the windows file)", ExitCodes.BadInput);
            var (times, values) = Read(path, warnings);
            series.Add(new LabelledSeries(key, times, values, labels[key]));
        }

        return series;
    }

    private static Dictionary<string, List<(DateTimeOffset, DateTimeOffset)>> Windows(string path)
    {
        UserError.RequireFile(path);

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray()
                .Select(w => (Time(w[0].GetString()!, path), Time(w[1].GetString()!, path))).ToList(), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new UserError($"{path}: expected NAB windows, {{\"dir/series.csv\": [[\"start\", \"end\"], …]}} ({ex.Message})", ExitCodes.BadInput);
        }
    }

    private static (List<DateTimeOffset> Times, List<double> Values) Read(string path, TextWriter warnings)
    {
        UserError.RequireFile(path);

        var times = new List<DateTimeOffset>();
        var values = new List<double>();
        var line = 0;
        var firstBackwards = 0;
        foreach (var row in File.ReadLines(path))
        {
            line++;
            if (line == 1 || string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            var parts = row.Split(',');
            if (parts.Length < 2 || !TimestampConverter.TryParse(parts[0], out var t) || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                throw new UserError($"{path}:{line}: expected timestamp,value (a finite number)", ExitCodes.BadInput);
            }

            if (times.Count > 0 && t < times[^1] && firstBackwards == 0)
            {
                firstBackwards = line;
            }

            times.Add(t);
            values.Add(v);
        }

        if (times.Count == 0)
        {
            warnings.WriteLine($"warning: {path}: no samples (expected a header and timestamp,value rows); the series detects nothing and misses each of its windows");
        }

        if (firstBackwards == 0)
        {
            return (times, values);
        }

        warnings.WriteLine($"warning: {path}:{firstBackwards}: timestamps go back in time; the series is read in time order");
        var order = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).ToList(); // stable: equal times keep their order
        return ([.. order.Select(i => times[i])], [.. order.Select(i => values[i])]);
    }

    private static DateTimeOffset Time(string text, string path) =>
        TimestampConverter.TryParse(text, out var t) ? t : throw new UserError($"{path}: '{text}' is not a time", ExitCodes.BadInput);
}
