using System.CommandLine;
using System.Globalization;
using Hindsight.Application.Monitoring;
using Hindsight.Cli.Output;
using Hindsight.Drift;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight drift</c>: how far current data has moved from a baseline (PSI, KS, chi-square) and fairness gaps.</summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context)
    {
        var baseline = new Option<string>("--baseline") { Description = "The reference CSV (with a header row)", Required = true };
        var current = new Option<string>("--current") { Description = "The CSV to compare with it", Required = true };
        var columns = new Option<string[]>("--column", "-c") { Description = "A column to compare (repeat; default: every column both files have)" };
        var categorical = new Option<bool>("--categorical") { Description = "Compare the columns as categories (PSI over categories, chi-square) rather than numbers" };
        var bins = new Option<int>("--bins") { Description = "Bins for a numeric column's PSI, at the baseline's quantiles", DefaultValueFactory = _ => PopulationStability.DefaultBins };
        var group = new Option<string?>("--group") { Description = "Column naming each record's group, for fairness gaps" };
        var prediction = new Option<string?>("--prediction") { Description = "Column with the model's yes/no output (1/0), for fairness gaps" };
        var label = new Option<string?>("--label") { Description = "Column with the true yes/no outcome, for the equal-opportunity gap" };
        var json = GlobalOptions.Json();
        var command = new Command("drift", "Compare current data with a baseline: PSI with the register's verdict (> 0.2 warn, > 0.25 retrain), Kolmogorov–Smirnov, chi-square, fairness gaps")
        {
            baseline, current, columns, categorical, bins, group, prediction, label, json,
        };
        command.SetAction((result, ct) =>
        {
            if (result.GetValue(bins) < 2)
            {
                throw new UserError("--bins must be at least 2");
            }

            if ((result.GetValue(group) is null) != (result.GetValue(prediction) is null) || (result.GetValue(label) is not null && result.GetValue(group) is null))
            {
                throw new UserError("fairness gaps need --group and --prediction together (and --label only with them)");
            }

            var options = new DriftOptions(result.GetValue(columns) ?? [], result.GetValue(categorical), result.GetValue(bins), result.GetValue(group), result.GetValue(prediction), result.GetValue(label));
            var report = Monitoring.Drift(Load(result.GetValue(baseline)!), Load(result.GetValue(current)!), options);

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
        return command;
    }

    private static DataTable Load(string path) =>
        DataTable.Read(UserError.RequireFile(path));

    private static void Print(TextWriter o, DriftResult report)
    {
        foreach (var c in report.Columns)
        {
            o.WriteLine($"{c.Column} ({c.Kind}; {c.BaselineN:N0} baseline, {c.CurrentN:N0} current values)");
            o.WriteLine($"  PSI {F(c.Psi)} → {Meaning(c.Verdict)}");
            if (c.Ks is { } ks)
            {
                o.WriteLine($"  KS  D = {F(ks.TwoSided.Statistic)}, p = {P(ks.TwoSided.Pvalue)} (two-sided{(ks.Exact ? ", exact" : ", asymptotic")}); "
                    + $"moved up: D = {F(ks.Greater.Statistic)}, p = {P(ks.Greater.Pvalue)}; moved down: D = {F(ks.Less.Statistic)}, p = {P(ks.Less.Pvalue)}");
            }

            if (c.ChiSquare is { } chi)
            {
                o.WriteLine($"  chi-square {F(chi.Statistic)} on {chi.Dof} degree(s) of freedom, p = {P(chi.Pvalue)}");
            }
        }

        foreach (var f in report.Fairness)
        {
            o.WriteLine($"fairness in {f.File}: demographic-parity difference {F(f.DemographicParityDifference)} ({string.Join(", ", f.PositiveRateByGroup.Select(r => $"{r.Key} {F(r.Value)}"))})"
                + (f.EqualOpportunityDifference is { } eo ? $"; equal-opportunity difference {F(eo)} ({string.Join(", ", f.TruePositiveRateByGroup!.Select(r => $"{r.Key} {F(r.Value)}"))})" : ""));
        }

        o.WriteLine($"verdict: {Meaning(report.Verdict)}");
    }

    private static string Meaning(string verdict) => verdict switch
    {
        "retrain" => $"retraining recommended (PSI > {DriftVerdicts.RetrainAbove})",
        "warn" => $"warn (PSI > {DriftVerdicts.WarnAbove})",
        _ => $"stable (PSI ≤ {DriftVerdicts.WarnAbove})",
    };

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string P(double p) => p == 0 ? "< 1e-300" : p < 1e-4 ? p.ToString("0.##e+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);
}
