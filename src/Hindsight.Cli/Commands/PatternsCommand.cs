using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Storage;

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
            if (result.GetValue(window) is <= 0 or > 24 * 14)
            {
                throw new UserError("--window-hours must be above 0 and at most two weeks");
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var org = GlobalOptions.OrgOf(result);
            var incidents = new List<Incident>();
            var deployments = new List<Deployment>();
            var dependencies = new List<ServiceDependency>();
            await foreach (var r in store.ReadAsync(org, RecordQuery.Incidents, ct))
            {
                if (result.GetValue(maintenance) || !TimeMetrics.IsMaintenance((Incident)r))
                {
                    incidents.Add((Incident)r);
                }
            }

            await foreach (var r in store.ReadAsync(org, new RecordQuery(RecordKind.Deployment), ct))
            {
                deployments.Add((Deployment)r);
            }

            await foreach (var r in store.ReadAsync(org, new RecordQuery(RecordKind.Dependency), ct))
            {
                dependencies.Add((ServiceDependency)r);
            }

            var profiles = Seasonality.Profiles(incidents);
            var deploys = DeployCorrelation.Analyse(deployments, incidents, dependencies, TimeSpan.FromHours(result.GetValue(window))).Take(Math.Max(1, result.GetValue(top))).ToList();
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["incidents"] = incidents.Count,
                    ["seasonality"] = new JsonArray([.. profiles.Select(p => (JsonNode)new JsonObject
                    {
                        ["profile"] = p.Name,
                        ["real"] = p.IsReal,
                        ["chi_square"] = Math.Round(p.Test.Statistic, 3),
                        ["dof"] = p.Test.DegreesOfFreedom,
                        ["pvalue"] = p.Test.PValue,
                        ["peak"] = p.Peak,
                        ["peak_ratio"] = p.PeakRatio,
                        ["observed"] = new JsonObject([.. p.Buckets.Select((b, i) => new KeyValuePair<string, JsonNode?>(b, p.Observed[i]))]),
                        ["expected"] = new JsonObject([.. p.Buckets.Select((b, i) => new KeyValuePair<string, JsonNode?>(b, Math.Round(p.Expected[i], 2)))]),
                    })]),
                    ["deployments"] = deployments.Count,
                    ["change_failure"] = new JsonArray([.. deploys.Select(d => (JsonNode)new JsonObject
                    {
                        ["service"] = d.Service,
                        ["weekday"] = d.Weekday,
                        ["deploys"] = d.Deploys,
                        ["failed"] = d.Failed,
                        ["rate"] = Math.Round(d.Rate, 4),
                        ["base_rate"] = Math.Round(d.BaseRate, 4),
                        ["lift"] = double.IsFinite(d.Lift) ? Math.Round(d.Lift, 3) : null,
                        ["pvalue"] = d.PValue,
                    })]),
                });
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"Seasonality of {incidents.Count:N0} incident(s) (UTC):");
            foreach (var p in profiles)
            {
                o.WriteLine($"  {p.Name,-8} {(p.IsReal ? "real pattern" : "no clear pattern"),-17} χ² {p.Test.Statistic:0.0} on {p.Test.DegreesOfFreedom} df, p = {P(p.Test.PValue)}; peak {p.Peak} at {p.PeakRatio:0.00}× the even rate");
            }

            o.WriteLine();
            o.WriteLine(deployments.Count == 0 ? "No deployments recorded: deployment correlation needs 'deployment' records."
                : $"Deploys followed by an incident within {result.GetValue(window):0.#} h (on the service or one that depends on it), most significant first:");
            foreach (var d in deploys)
            {
                o.WriteLine($"  {d.Service,-22} {d.Weekday ?? "all days",-8} {d.Failed,5} of {d.Deploys,-5} = {d.Rate,6:P1}  vs {d.BaseRate:P1} by chance  lift {d.Lift:0.00}  p = {P(d.PValue)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string P(double p) => p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
