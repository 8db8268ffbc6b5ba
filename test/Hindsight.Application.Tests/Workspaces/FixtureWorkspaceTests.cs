using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Storage;

namespace Hindsight.Application.Tests.Workspaces;

/// <summary>The engine over a store and index snapshot written by an earlier release.</summary>
public sealed class FixtureWorkspaceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hindsight-fixture-" + Guid.NewGuid().ToString("N"));

    public FixtureWorkspaceTests()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-2217a7e");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task OldStore_ItsSnapshotAndLearnedWeights_AreUsedAsTheyAre()
    {
        await using var engine = await HindsightEngine.OpenAsync(new StoreOptions(_dir, null));
        var workspace = engine.For(Orgs.Default);

        var check = await engine.Maintenance.CheckAsync();
        var found = await workspace.Retrieval.SimilarAsync(new SimilarRequest { Id = "INC-000010", Top = 3 });
        var weights = await workspace.Retrieval.WeightsAsync();

        Assert.True(check.Healthy, string.Join("; ", check.Problems.Concat(check.Indexes.SelectMany(i => i.Problems))));
        Assert.True((await workspace.EngineAsync(CancellationToken.None)).LoadedSnapshot);
        Assert.Equal(3, found.Similar.Count);
        Assert.Equal(40, found.Indexed);
        Assert.Equal(("feedback", 0.806), (weights.LearnedFrom, Math.Round(weights.Weights["lexical"], 3)));
        Assert.Equal(40, (await engine.For(Orgs.Globex).Incidents.StatsAsync()).Incidents);
    }

    [Fact]
    public async Task OldSnapshot_WithoutTextHashes_GetsItsVectorsFromTheStore()
    {
        await using var engine = await HindsightEngine.OpenAsync(new StoreOptions(_dir, null), new WorkspaceOptions { Embedder = new ConceptEmbedder() });
        var workspace = engine.For(Orgs.Default);

        var computed = await workspace.Retrieval.VectorsAsync(compute: true);

        Assert.True((await workspace.EngineAsync(CancellationToken.None)).LoadedSnapshot);
        Assert.Equal((computed.Computed, computed.Computed), (computed.Semantic!.Vectors, computed.Semantic.Embeddable));
        Assert.InRange(computed.Computed, 30, 40); // the English ones; the fixture's Japanese incidents are found by words alone
        Assert.Equal(3, (await workspace.Retrieval.SimilarAsync(new SimilarRequest { Id = "INC-000010", Top = 3 })).Similar.Count);
    }
}
