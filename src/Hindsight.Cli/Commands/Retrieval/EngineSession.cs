using System.CommandLine;
using Hindsight.Storage;
using Hindsight.Storage.Retrieval;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary>A store and the similarity engine of one organisation over it, opened for one command.</summary>
internal sealed class EngineSession : IAsyncDisposable
{
    private EngineSession(IHistoryStore store, SimilarityEngine engine, string organisation)
    {
        Store = store;
        Engine = engine;
        Organisation = organisation;
    }

    public IHistoryStore Store { get; }

    public SimilarityEngine Engine { get; }

    public string Organisation { get; }

    public static async Task<EngineSession> OpenAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        var org = GlobalOptions.OrgOf(result);
        var store = await GlobalOptions.OpenStoreAsync(result, context, cancellationToken);
        try
        {
            var options = new EngineOptions(IndexLocation.SnapshotPath(store, org), EngineOptions.CacheTtlFromEnvironment(context.Environment));
            var engine = await SimilarityEngine.OpenAsync(store, org, options, context.Clock, cancellationToken);
            return new EngineSession(store, engine, org);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        await Store.DisposeAsync();
    }
}
