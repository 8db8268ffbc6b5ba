using Hindsight.History;

namespace Hindsight.Generation;

/// <summary>
/// The skeleton of a generated history: deployments, and for every incident its time, cause, service and archetype,
/// sorted by time. Seasonality, the risky deploys and the recurring cause are planted here.
/// </summary>
internal sealed class IncidentPlan
{
    private static readonly double[] HourWeights = [0.4, 0.35, 0.3, 0.3, 0.3, 0.4, 0.6, 0.9, 1.2, 1.8, 2.0, 2.0, 1.7, 1.9, 2.1, 2.1, 1.9, 1.6, 1.2, 1.0, 0.9, 0.8, 0.6, 0.5];

    private IncidentPlan(Deployment[] deployments, IncidentSeed[] seeds, int[] archetypes)
    {
        Deployments = deployments;
        Seeds = seeds;
        Background = archetypes;
    }

    public Deployment[] Deployments { get; }

    public IncidentSeed[] Seeds { get; }

    /// <summary>Indexes of archetypes that occur as background incidents.</summary>
    public int[] Background { get; }

    public static int ArchetypeIndex(string name)
    {
        var all = ArchetypeCatalog.BuiltIn;
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"the built-in catalogue lacks the archetype '{name}'");
    }

    public static IncidentPlan Create(GeneratorOptions options)
    {
        var rng = new Random(options.Seed);
        var start = options.StartAt;
        var days = (int)(options.EndAt - start).TotalDays;
        var services = FictionalOrganisation.Services;
        var dayWeights = new double[days];
        for (var d = 0; d < days; d++)
        {
            var date = start.AddDays(d);
            var season = date.Month switch { 12 => 2.5, 11 => 1.3, 1 => 1.1, _ => 1.0 };
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
            dayWeights[d] = season * weekend;
        }

        var dayPicker = new WeightedPicker(dayWeights);
        var hourPicker = new WeightedPicker(HourWeights);
        var servicePicker = new WeightedPicker(services.Select(s => (double)s.Traffic).ToArray());
        var deployable = services.Select((s, i) => (s, i)).Where(p => p.s.Deployable).ToArray();
        var deployPicker = new WeightedPicker(deployable.Select(p => p.s.Name == FictionalOrganisation.RiskyDeployService ? 3.0 : 1.0).ToArray());
        var catalog = ArchetypeCatalog.BuiltIn;
        var background = Enumerable.Range(0, catalog.Count).Where(i => catalog[i].Weight > 0).ToArray();
        var archetypePicker = new WeightedPicker(background.Select(i => catalog[i].Weight).ToArray());
        var badDeploy = ArchetypeIndex("bad-deploy");
        var pool = ArchetypeIndex("connection-pool-exhaustion");

        var n = options.Incidents;
        var recurring = n == 0 ? 0 : Math.Min(n, Math.Max(4, n / 50));
        var seeds = new List<IncidentSeed>(n);

        // Deployments, mostly on weekday working hours; the risky service is deployed more often.
        var deployCount = Math.Max(40, (int)(n * 0.6));
        var deployTimes = new long[deployCount];
        var deployServices = new int[deployCount];
        for (var k = 0; k < deployCount; k++)
        {
            DateTimeOffset at;
            do
            {
                at = start.AddDays(rng.Next(days));
            }
            while (at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && rng.NextDouble() > 0.1);
            deployTimes[k] = at.AddHours(9 + rng.Next(9)).AddMinutes(rng.Next(60)).UtcTicks;
            deployServices[k] = deployable[deployPicker.Pick(rng)].i;
        }

        Array.Sort(deployTimes, deployServices);
        var deployments = new Deployment[deployCount];
        for (var k = 0; k < deployCount; k++)
        {
            var at = new DateTimeOffset(deployTimes[k], TimeSpan.Zero);
            var service = services[deployServices[k]];
            var risky = service.Name == FictionalOrganisation.RiskyDeployService && at.DayOfWeek == DayOfWeek.Friday;
            var breaks = seeds.Count < n - recurring && rng.NextDouble() < (risky ? 0.45 : 0.035);
            if (breaks)
            {
                seeds.Add(new IncidentSeed(at.AddMinutes(10 + rng.Next(170)).UtcTicks, SeedCause.Deploy, deployServices[k], badDeploy, k));
            }

            deployments[k] = new Deployment
            {
                Id = $"DEP-{k + 1:D6}",
                Service = service.Name,
                DeployedAt = at,
                Version = $"v{1 + (k % 7)}.{k / 7 % 40}.{rng.Next(20)}",
                Outcome = breaks && rng.NextDouble() < 0.7 ? "rolled_back" : "success",
                Author = PersonOf(service.Team, rng),
            };
        }

        // The recurring root cause: often before its fix, rarely after.
        var fix = options.RecurringFixAt;
        var before = (int)Math.Round(recurring * 10.0 / 11);
        var recurringService = IndexOf(FictionalOrganisation.RecurringService);
        for (var k = 0; k < recurring; k++)
        {
            var (from, to) = k < before ? (start + ((fix - start) * 0.05), fix) : (fix, options.EndAt);
            var at = from + ((to - from) * rng.NextDouble());
            seeds.Add(new IncidentSeed(at.UtcTicks, SeedCause.Recurring, recurringService, pool, -1));
        }

        while (seeds.Count < n)
        {
            var at = start.AddDays(dayPicker.Pick(rng)).AddHours(hourPicker.Pick(rng)).AddMinutes(rng.Next(60)).AddSeconds(rng.Next(60));
            seeds.Add(new IncidentSeed(at.UtcTicks, SeedCause.Background, servicePicker.Pick(rng), background[archetypePicker.Pick(rng)], -1));
        }

        var sorted = seeds.ToArray();
        Array.Sort(sorted, static (a, b) => a.StartTicks.CompareTo(b.StartTicks));
        return new IncidentPlan(deployments, sorted, background);
    }

    public static string PersonOf(string team, Random rng)
    {
        var people = FictionalOrganisation.Teams[team];
        return people[rng.Next(people.Count)];
    }

    public static int IndexOf(string service)
    {
        for (var i = 0; i < FictionalOrganisation.Services.Count; i++)
        {
            if (FictionalOrganisation.Services[i].Name == service)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"unknown service {service}");
    }
}
