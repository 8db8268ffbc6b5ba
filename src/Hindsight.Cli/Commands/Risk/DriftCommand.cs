using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Drift;
using Hindsight.Import;

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

            DriftReport report;
            try
            {
                var options = new DriftOptions(result.GetValue(columns) ?? [], result.GetValue(categorical), result.GetValue(bins), result.GetValue(group), result.GetValue(prediction), result.GetValue(label));
                report = DriftAnalysis.Compare(Load(result.GetValue(baseline)!), Load(result.GetValue(current)!), options);
            }
            catch (InputException ex)
            {
                throw new UserError(ex.Message, ExitCodes.BadInput);
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, ToJson(report));
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

    private static JsonObject ToJson(DriftReport report) => new()
    {
        ["verdict"] = DriftVerdicts.Text(report.Verdict),
        ["columns"] = new JsonArray([.. report.Columns.Select(c => (JsonNode)new JsonObject
        {
            ["column"] = c.Column,
            ["kind"] = c.Categorical ? "categorical" : "numeric",
            ["baseline_n"] = c.BaselineCount,
            ["current_n"] = c.CurrentCount,
            ["psi"] = c.Psi.Value,
            ["verdict"] = DriftVerdicts.Text(c.Psi.Verdict),
            ["bins"] = new JsonObject
            {
                ["edges"] = Numbers(c.Psi.Edges),
                ["categories"] = new JsonArray([.. c.Psi.Categories.Select(v => (JsonNode)v)]),
                ["baseline"] = Numbers(c.Psi.Expected),
                ["current"] = Numbers(c.Psi.Actual),
            },
            ["ks"] = c.Ks is { } ks ? new JsonObject
            {
                ["two_sided"] = Ks(ks.TwoSided),
                ["greater"] = Ks(ks.Greater),
                ["less"] = Ks(ks.Less),
                ["exact"] = ks.TwoSided.Exact,
            } : null,
            ["chi_square"] = c.ChiSquare is { } chi ? new JsonObject
            {
                ["statistic"] = chi.Statistic,
                ["pvalue"] = chi.PValue,
                ["dof"] = chi.DegreesOfFreedom,
            } : null,
        })]),
        ["fairness"] = new JsonArray([.. report.Fairness.Select(f => (JsonNode)new JsonObject
        {
            ["file"] = f.File,
            ["demographic_parity_difference"] = f.DemographicParity.Difference,
            ["positive_rate_by_group"] = Rates(f.DemographicParity),
            ["equal_opportunity_difference"] = f.EqualOpportunity?.Difference,
            ["true_positive_rate_by_group"] = f.EqualOpportunity is { } eo ? Rates(eo) : null,
        })]),
    };

    private static JsonObject Ks(KsResult r) => new() { ["statistic"] = r.Statistic, ["pvalue"] = r.PValue };

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonObject Rates(FairnessGap gap) => new([.. gap.Rates.Select(r => new KeyValuePair<string, JsonNode?>(r.Key, r.Value))]);

    private static void Print(TextWriter o, DriftReport report)
    {
        foreach (var c in report.Columns)
        {
            o.WriteLine($"{c.Column} ({(c.Categorical ? "categorical" : "numeric")}; {c.BaselineCount:N0} baseline, {c.CurrentCount:N0} current values)");
            o.WriteLine($"  PSI {F(c.Psi.Value)} → {Meaning(c.Psi.Verdict)}");
            if (c.Ks is { } ks)
            {
                o.WriteLine($"  KS  D = {F(ks.TwoSided.Statistic)}, p = {P(ks.TwoSided.PValue)} (two-sided{(ks.TwoSided.Exact ? ", exact" : ", asymptotic")}); "
                    + $"moved up: D = {F(ks.Greater.Statistic)}, p = {P(ks.Greater.PValue)}; moved down: D = {F(ks.Less.Statistic)}, p = {P(ks.Less.PValue)}");
            }

            if (c.ChiSquare is { } chi)
            {
                o.WriteLine($"  chi-square {F(chi.Statistic)} on {chi.DegreesOfFreedom} degree(s) of freedom, p = {P(chi.PValue)}");
            }
        }

        foreach (var f in report.Fairness)
        {
            o.WriteLine($"fairness in {f.File}: demographic-parity difference {F(f.DemographicParity.Difference)} ({string.Join(", ", f.DemographicParity.Rates.Select(r => $"{r.Key} {F(r.Value)}"))})"
                + (f.EqualOpportunity is { } eo ? $"; equal-opportunity difference {F(eo.Difference)} ({string.Join(", ", eo.Rates.Select(r => $"{r.Key} {F(r.Value)}"))})" : ""));
        }

        o.WriteLine($"verdict: {Meaning(report.Verdict)}");
    }

    private static string Meaning(DriftVerdict verdict) => verdict switch
    {
        DriftVerdict.Retrain => $"retraining recommended (PSI > {DriftVerdicts.RetrainAbove})",
        DriftVerdict.Warn => $"warn (PSI > {DriftVerdicts.WarnAbove})",
        _ => $"stable (PSI ≤ {DriftVerdicts.WarnAbove})",
    };

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static string P(double p) => p == 0 ? "< 1e-300" : p < 1e-4 ? p.ToString("0.##e+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);
}
