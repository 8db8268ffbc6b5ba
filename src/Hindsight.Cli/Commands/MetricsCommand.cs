using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Reports;
using Hindsight.Storage;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight metrics</c>: time metrics, recurrence and the learning-velocity score of the stored history.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext context)
    {
        var by = new Option<string[]>("--by") { Description = "Also break the time metrics down by service, severity, team or quarter (repeat)" };
        var maintenance = new Option<bool>("--include-maintenance") { Description = "Count incidents tagged maintenance (planned work) too" };
        var json = GlobalOptions.Json();
        var command = new Command("metrics", "Time to detect/acknowledge/mitigate/resolve (median, p90, mean), recurrence and the learning-velocity score") { by, maintenance, json };
        command.SetAction(async (result, ct) =>
        {
            var dimensions = result.GetValue(by) ?? [];
            foreach (var d in dimensions.Where(d => !TimeMetrics.Dimensions.Contains(d)))
            {
                throw new UserError($"--by '{d}' is not a dimension; expected one of {string.Join(", ", TimeMetrics.Dimensions)}");
            }

            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var incidents = new List<Incident>();
            await foreach (var r in store.ReadAsync(GlobalOptions.OrgOf(result), RecordQuery.Incidents, ct))
            {
                var i = (Incident)r;
                if (result.GetValue(maintenance) || !TimeMetrics.IsMaintenance(i))
                {
                    incidents.Add(i);
                }
            }

            var drills = new List<DrillRecord>();
            await foreach (var r in store.ReadAsync(GlobalOptions.OrgOf(result), new RecordQuery(RecordKind.Drill), ct))
            {
                drills.Add((DrillRecord)r);
            }

            var coverage = CoverageExpansion.ByQuarter(incidents, drills);
            var readiness = SkillGaps.Of(drills, DrillCatalogue.BuiltIn);
            var overall = TimeMetrics.Of(incidents);
            var breakdowns = dimensions.ToDictionary(d => d, d => TimeMetrics.By(incidents, TimeMetrics.Grouping(d)));
            var recurrence = Recurrence.Analyse(incidents);
            var (velocity, terms) = LearningVelocity.Compute(recurrence);
            var byQuarter = LearningVelocity.ByQuarter(terms);
            var repeats = (int)recurrence.Rate.Part;
            var judged = (int)recurrence.Rate.Whole;
            var now = context.Clock.GetUtcNow();
            var rates = new (string Name, Ratio Rate)[]
            {
                ("knowledge_utilisation_rate", KnowledgeUtilisation.Of(recurrence.Ordered)),
                ("knowledge_application_rate", KnowledgeUtilisation.Application(incidents)),
                ("improvement_implementation_rate", Improvement.ImplementationRate(incidents, now)),
                ("improvement_effectiveness", Improvement.Effectiveness(incidents)),
                ("prevention_effect_rate", PreventionEffect.Of(recurrence, now).Rate),
            };
            var efficiency = ResponseEfficiency.Ratios(recurrence.Ordered);
            var efficiencyMedian = Statistics.Quantiles.Median([.. efficiency.Select(e => e.Ratio)]);
            var detect = TimeMetrics.MedianTrend(recurrence.Ordered, d => d.TimeToDetect);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["incidents"] = incidents.Count,
                    ["time"] = ReportJson.Times(overall),
                    ["by"] = new JsonObject([.. breakdowns.Select(b => new KeyValuePair<string, JsonNode?>(b.Key, new JsonObject([.. b.Value.Select(g => new KeyValuePair<string, JsonNode?>(g.Key, ReportJson.Times(g.Value)))])))]),
                    ["recurrence"] = judged == 0 ? null : new JsonObject { ["repeats"] = repeats, ["judged"] = judged, ["rate"] = Math.Round((double)repeats / judged, 4) },
                    ["recurrence_missing"] = judged == 0 ? "no incident has both a failure mode and a root-cause description" : null,
                    ["learning_velocity"] = incidents.Count < 2 || judged == 0 ? null : Math.Round(velocity, 4),
                    ["learning_velocity_by_quarter"] = new JsonArray([.. byQuarter.Select(q => (JsonNode)new JsonObject { ["quarter"] = q.Quarter, ["score"] = q.Score, ["incidents"] = q.Incidents })]),
                    ["coverage_expansion_by_quarter"] = new JsonArray([.. coverage.Select(c => (JsonNode)new JsonObject
                    {
                        ["quarter"] = c.Quarter, ["from_incidents"] = c.FromIncidents, ["from_drills"] = c.FromDrills, ["regression_tests"] = c.FromIncidents + c.FromDrills,
                    })]),
                    ["readiness"] = drills.Count == 0 ? null : new JsonObject
                    {
                        ["prepared_scenarios"] = readiness.Prepared, ["expected_scenarios"] = readiness.Expected, ["rate"] = Math.Round(readiness.Readiness, 4),
                    },
                    ["readiness_missing"] = drills.Count == 0 ? "no graded drill recorded ('hindsight drill grade … --record')" : null,
                    ["rates"] = new JsonObject([.. rates.Select(r => new KeyValuePair<string, JsonNode?>(r.Name, ReportJson.Rate(r.Rate)))]),
                    ["response_efficiency_ratio"] = efficiencyMedian is { } m ? Math.Round(m, 4) : null,
                    ["detection_latency_trend"] = ReportJson.Trend(detect),
                });
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"{incidents.Count:N0} incident(s){(result.GetValue(maintenance) ? "" : " (maintenance left out)")}");
            foreach (var (name, d) in overall)
            {
                o.WriteLine($"  {name.Replace('_', ' '),-20} {Line(d)}");
            }

            foreach (var (dimension, groups) in breakdowns)
            {
                o.WriteLine();
                o.WriteLine($"time to resolve by {dimension}:");
                foreach (var (group, d) in groups.OrderByDescending(g => g.Value["time_to_resolve"].Count).Take(20))
                {
                    o.WriteLine($"  {group,-24} {Line(d["time_to_resolve"])}");
                }
            }

            o.WriteLine();
            o.WriteLine(judged == 0 ? "recurrence: not measurable (no incident has both a failure mode and a root-cause description)"
                : $"recurrence: {repeats:N0} of {judged:N0} judgeable incidents repeat a root cause ({(double)repeats / judged:P1}; target < 10 %)");
            o.WriteLine(coverage.Count == 0 ? "coverage expansion: no regression-test action item or drill test recorded"
                : $"coverage expansion (regression tests per quarter): {string.Join(", ", coverage.TakeLast(8).Select(c => $"{c.Quarter} {c.FromIncidents + c.FromDrills}"))}");
            o.WriteLine(drills.Count == 0 ? "readiness: not measurable (no graded drill recorded)"
                : $"readiness: {readiness.Prepared} of {readiness.Expected} scenarios drilled with a passing score ({readiness.Readiness:P0})");
            foreach (var (name, rate) in rates)
            {
                o.WriteLine($"{name.Replace('_', ' ')}: {RateText.Of(rate)}");
            }

            o.WriteLine(efficiencyMedian is { } ratio ? $"response efficiency: {ratio:0.00} × the time similar past incidents took (median over {efficiency.Count:N0})" : "response efficiency: not measurable (no incident has similar resolved ones before it)");
            o.WriteLine($"detection latency trend: {detect.Describe()}");
            o.WriteLine(incidents.Count < 2 || judged == 0 ? "learning velocity: not measurable (needs two incidents, and failure modes with root causes to judge repeats)"
                : $"learning velocity: {velocity:0.000}; by quarter: {string.Join(", ", byQuarter.TakeLast(8).Select(q => $"{q.Quarter} {q.Score:0.00}"))}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Line(Distribution d) => d.Count == 0 ? "no data"
        : $"median {Durations.FormatMinutes(d.Median)}, p90 {Durations.FormatMinutes(d.P90)}, mean {Durations.FormatMinutes(d.Mean)} ({d.Count.ToString("N0", CultureInfo.InvariantCulture)})";
}
