using Hindsight.Incidents;

namespace Hindsight.Tests.Metrics;

/// <summary>Small hand-made incidents for metric tests.</summary>
internal static class Make
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static Incident Incident(string id, double day, double? resolveMinutes = 60, string? mode = "bad-deploy", string? cause = null, string[]? services = null, string? team = null) => new()
    {
        Id = id,
        Title = id,
        Team = team,
        StartedAt = T0.AddDays(day),
        DetectedAt = T0.AddDays(day).AddMinutes(5),
        ResolvedAt = resolveMinutes is { } m ? T0.AddDays(day).AddMinutes(m) : null,
        FailureMode = mode,
        Services = services ?? ["checkout"],
        RootCauses = cause is null ? [] : [new RootCause(RootCauseKind.Technical, cause)],
        Responders = [new Responder("ann", "incident_commander")],
    };
}
