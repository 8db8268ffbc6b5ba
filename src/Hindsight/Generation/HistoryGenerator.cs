using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Generation;

/// <summary>
/// Generates a realistic multi-year history for a fictional organisation — its dependency graph, deployments and
/// incidents — with planted patterns that analytics must find (docs/generator.md). Deterministic for a seed.
/// </summary>
public static class HistoryGenerator
{
    /// <summary>Every record of the history: dependencies, then deployments, then incidents with the last year's alert firings, each in time order.</summary>
    public static IEnumerable<HistoryRecord> Generate(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Incidents);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Years, 1);
        foreach (var service in FictionalOrganisation.Services)
        {
            foreach (var dep in service.DependsOn)
            {
                yield return new ServiceDependency { Service = service.Name, DependsOn = dep, Weight = 1 };
            }
        }

        var plan = IncidentPlan.Create(options);
        foreach (var deployment in plan.Deployments)
        {
            yield return deployment;
        }

        var writer = new IncidentWriter(options, plan);
        var alerts = new AlertWriter(options);
        for (var n = 0; n < plan.Seeds.Length; n++)
        {
            var incident = writer.Write(n);
            foreach (var firing in alerts.Before(incident))
            {
                yield return firing;
            }

            yield return incident;
        }

        foreach (var firing in alerts.Rest())
        {
            yield return firing;
        }
    }
}
