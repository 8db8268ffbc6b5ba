namespace Hindsight.Cli.Tests;

[Collection(SerialCli.Name)]
public sealed class GraphCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [SharedDataFact]
    public async Task Communities_Karate_ReachesThePublishedLouvainModularity()
    {
        var edges = SharedData.PathOf(Path.Combine("reference", "karate_edges.csv"));

        var first = await _cli.RunRawAsync("graph", "communities", edges, "--json");
        var second = await _cli.RunRawAsync("graph", "communities", edges, "--json");

        Assert.Equal(0, first.Exit);
        Assert.True(first.Json.GetProperty("modularity").GetDouble() >= 0.4188);
        Assert.Equal(34, first.Json.GetProperty("communities").EnumerateArray().Sum(c => c.GetArrayLength()));
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public async Task PathAndBlastRadius_OnADependencyList()
    {
        var edges = _cli.Write("deps.csv", "source,target,weight\ncheckout-api,payments-api,2\npayments-api,payments-db,3\nsearch,catalog-db,1\nmobile-bff,checkout-api,1\n");

        var path = await _cli.RunRawAsync("graph", "path", edges, "mobile-bff", "payments-db", "--json");
        var blast = await _cli.RunRawAsync("graph", "blast-radius", edges, "payments-db", "--json");
        var apart = await _cli.RunRawAsync("graph", "path", edges, "search", "payments-db", "--json");
        var bad = await _cli.RunRawAsync("graph", "communities", _cli.Write("bad.csv", "source,target,weight\na,b,heavy\n"));

        Assert.Equal(["mobile-bff", "checkout-api", "payments-api", "payments-db"], path.Json.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(1 + 0.5 + (1 / 3.0), path.Json.GetProperty("cost").GetDouble(), 9);
        Assert.Equal(["checkout-api", "mobile-bff", "payments-api", "payments-db"], blast.Json.GetProperty("blast_radius").EnumerateArray().Select(p => p.GetString()));
        Assert.False(apart.Json.GetProperty("connected").GetBoolean());
        Assert.Equal(8, bad.Exit);
        Assert.Contains("bad.csv:2: weight: 'heavy' is not a positive number", bad.Error, StringComparison.Ordinal);
    }
}
