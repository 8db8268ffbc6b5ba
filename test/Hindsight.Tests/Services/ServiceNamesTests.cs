using Hindsight.Services;

namespace Hindsight.Tests.Services;

public sealed class ServiceNamesTests
{
    [Fact]
    public void SpellingsThatDifferInCaseOrSpacing_AreOneService_InTheCommonestSpelling()
    {
        var names = ServiceNames.Of(["Virtual Machines", "Virtual machines", "Virtual Machines", "virtual-machines", "App Service", "AppService", "App service", "App Service", "Storage"]);

        Assert.True(names.AnyMerged);
        Assert.Equal("Virtual Machines", names.Canonical("virtual-machines"));
        Assert.Equal("Virtual Machines", names.Canonical("Virtual machines"));
        Assert.Equal("App Service", names.Canonical("AppService"));
        Assert.Equal("Storage", names.Canonical("Storage"));
        Assert.Equal("unknown", names.Canonical("unknown"));
        Assert.Equal(["Virtual Machines", "Storage"], names.Canonical(["Virtual machines", "virtual-machines", "Storage"]));
    }

    [Fact]
    public void OnATie_TheFirstInOrdinalOrderWins_AndDistinctNamesAreLeftAlone()
    {
        var names = ServiceNames.Of(["api", "API", "payments-api"]);

        Assert.Equal("API", names.Canonical("api"));
        Assert.Equal("payments-api", names.Canonical("payments-api"));
        Assert.False(ServiceNames.Of(["api", "db"]).AnyMerged);
    }
}
