using System.Globalization;
using Hindsight.AlertHistory;
using Hindsight.Incidents;

namespace Hindsight.Generation;

/// <summary>
/// The alert firings of a generated history's last year (alerting tools keep about that much), with two planted
/// patterns: a noisy rule (<see cref="NoisyRule"/>, about weekly on <see cref="NoisyService"/>, never an incident) and a
/// late rule (<see cref="LateRule"/>, firing on <see cref="FictionalOrganisation.RecurringService"/>'s incidents well
/// after people detected them). Half the other incidents were detected by an alert named for their failure mode.
/// Its own random stream: the incidents are the same with or without it.
/// </summary>
internal sealed class AlertWriter
{
    /// <summary>The planted noisy rule.</summary>
    public const string NoisyRule = "DiskSpaceLow";

    /// <summary>The service the noisy rule fires on.</summary>
    public const string NoisyService = "search-api";

    /// <summary>The planted late rule.</summary>
    public const string LateRule = "PaymentsLatencySLOBurn";

    private readonly Random _rng;
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _end;
    private DateTimeOffset _nextNoise;

    public AlertWriter(GeneratorOptions options)
    {
        _rng = new Random(unchecked((options.Seed * 104_729) + 3));
        _end = options.EndAt;
        _from = options.EndAt.AddDays(-365) > options.StartAt ? options.EndAt.AddDays(-365) : options.StartAt;
        _nextNoise = NextNoise(_from);
    }

    /// <summary>The firings up to and including <paramref name="incident"/>'s: the noisy rule's until its start, then its own.</summary>
    public IEnumerable<AlertFiring> Before(Incident incident)
    {
        foreach (var noise in NoiseUntil(incident.StartedAt))
        {
            yield return noise;
        }

        if (incident.StartedAt < _from || incident.DetectedAt is not { } detected)
        {
            yield break;
        }

        var service = incident.Services.Count > 0 ? incident.Services[0] : "unknown";
        if (service == FictionalOrganisation.RecurringService)
        {
            var late = detected.AddMinutes(20 + (_rng.NextDouble() * 20));
            if (incident.ResolvedAt is { } resolved && late >= resolved)
            {
                late = detected + ((resolved - detected) / 2); // still during it, still after people noticed
            }

            yield return Firing(LateRule, service, late, incident);
        }
        else if (_rng.NextDouble() < 0.5 && incident.FailureMode is { } mode)
        {
            yield return Firing(RuleOf(mode), service, detected, incident);
        }
    }

    /// <summary>The noisy rule's firings after the last incident.</summary>
    public IEnumerable<AlertFiring> Rest() => NoiseUntil(_end);

    private IEnumerable<AlertFiring> NoiseUntil(DateTimeOffset until)
    {
        while (_nextNoise < until && _nextNoise < _end)
        {
            var at = _nextNoise;
            _nextNoise = NextNoise(at);
            yield return new AlertFiring
            {
                Id = Key(NoisyRule, NoisyService, at),
                Rule = NoisyRule,
                Service = NoisyService,
                Labels = new Dictionary<string, string> { ["alertname"] = NoisyRule, ["service"] = NoisyService, ["severity"] = "warning" },
                FiredAt = at,
                ResolvedAt = at.AddMinutes(4 + (_rng.NextDouble() * 10)),
            };
        }
    }

    private DateTimeOffset NextNoise(DateTimeOffset after) => after.AddHours(24 * (4 + (_rng.NextDouble() * 6))); // every 4 to 10 days, at any hour

    private static AlertFiring Firing(string rule, string service, DateTimeOffset at, Incident incident) => new()
    {
        Id = Key(rule, service, at) + "-" + incident.Id,
        Rule = rule,
        Service = service,
        Labels = new Dictionary<string, string> { ["alertname"] = rule, ["service"] = service, ["severity"] = "critical" },
        FiredAt = at,
        ResolvedAt = (incident.MitigatedAt ?? incident.ResolvedAt) is { } end && end > at ? end : at.AddMinutes(10),
        Incident = incident.Id,
    };

    /// <summary>A rule's name from a failure mode: <c>bad-deploy</c> → <c>BadDeploy</c>.</summary>
    private static string RuleOf(string mode) =>
        string.Concat(mode.Split('-', '_', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static string Key(string rule, string service, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"gen-{rule}-{service}-{at.UtcDateTime:yyyyMMddTHHmmss}");
}
