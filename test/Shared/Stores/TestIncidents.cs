using Hindsight.Incidents;

namespace Hindsight.Testing;

internal static class TestIncidents
{
    public static readonly DateTimeOffset T0 = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static Incident Make(string id, int minutesAfterT0 = 0, string title = "Checkout errors", params IncidentLink[] links) => new()
    {
        Id = id,
        Title = title,
        Severity = Severity.Sev2,
        Services = ["checkout"],
        StartedAt = T0.AddMinutes(minutesAfterT0),
        ResolvedAt = T0.AddMinutes(minutesAfterT0 + 45),
        Links = links,
    };
}
