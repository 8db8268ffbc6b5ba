using Hindsight.Canonical;
using Hindsight.Incidents;

namespace Hindsight.Tests.Canonical;

public sealed class RecordNormaliserTests
{
    private static readonly Incident Tidy = new()
    {
        Id = "INC-1",
        Title = "checkout slow",
        Team = "payments",
        Services = ["checkout", "db"],
        Tags = ["region:eu"],
        StartedAt = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void ACanonicalIncident_IsReturnedAsItIs()
    {
        Assert.Same(Tidy, RecordNormaliser.Normalise(Tidy));
    }

    [Fact]
    public void AnUntidyIncident_IsTidied()
    {
        var tidied = RecordNormaliser.Normalise(Tidy with { Services = ["checkout", " db", "Checkout"], Tags = [" "], Team = " ", Title = " t " });

        Assert.Equal(["checkout", "db"], tidied.Services);
        Assert.Empty(tidied.Tags);
        Assert.Null(tidied.Team);
        Assert.Equal("t", tidied.Title);
    }

    [Fact]
    public void ALongList_IsStillMadeDistinct()
    {
        string[] services = [.. Enumerable.Range(0, 12).Select(n => $"svc-{n % 10}")];

        var tidied = RecordNormaliser.Normalise(Tidy with { Services = services });

        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"svc-{n}"), tidied.Services);
    }
}
