using System.CommandLine;
using System.Globalization;
using Hindsight.Application.Learning;
using Hindsight.Cli.Output;
using Hindsight.Incidents;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight patterns</c>: seasonality with its significance, and deployments that are followed by incidents.</summary>
internal static class PatternsCommand
{
    public static Command Create(CliContext context)
    {
        var window = new Option<double>("--window-hours") { Description = "How long after a deploy an incident counts against it", DefaultValueFactory = _ => 3 };
        var top = new Option<int>("--top") { Description = "How many deploy figures to show", DefaultValueFactory = _ => 10 };
        var maintenance = new Option<bool>("--include-maintenance") { Description = "Count incidents tagged maintenance too" };
        var json = GlobalOptions.Json();
        var command = new Command("patterns", "Seasonality (month, weekday, hour; chi-square test) and deployment correlation (change failure rate, lift, binomial p-value)") { window, top, maintenance, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var p = await host.Workspace.Learning.PatternsAsync(new PatternsRequest
            {
                WindowHours = result.GetValue(window),
                Top = result.GetValue(top),
                IncludeMaintenance = result.GetValue(maintenance),
            }, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, p);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"Seasonality of {p.Incidents:N0} incident(s) (UTC){UndatedNote.Of(p.Undated)}:");
            foreach (var s in p.Seasonality)
            {
                o.WriteLine($"  {s.Profile,-8} {(s.Real ? "real pattern" : "no clear pattern"),-17} χ² {s.ChiSquare:0.0} on {s.Dof} df, p = {P(s.Pvalue)}; peak {s.Peak} at {s.PeakRatio:0.00}× the even rate");
            }

            o.WriteLine();
            o.WriteLine(p.Deployments == 0 ? "No deployments recorded: deployment correlation needs 'deployment' records."
                : $"Deploys followed by an incident within {p.WindowHours:0.#} h (on the service or one that depends on it), most significant first:");
            foreach (var d in p.ChangeFailure)
            {
                o.WriteLine($"  {d.Service,-22} {d.Weekday ?? "all days",-8} {d.Failed,5} of {d.Deploys,-5} = {d.Rate,6:P1}  vs {d.BaseRate:P1} by chance  lift {d.Lift:0.00}  p = {P(d.Pvalue)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string P(double p) => p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
