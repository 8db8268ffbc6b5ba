using System.CommandLine;
using Hindsight.Application.Workspaces;
using Hindsight.Canonical;
using Hindsight.Organisations;
using Hindsight.Semantic;
using Hindsight.Semantics;
using Hindsight.Storage;

namespace Hindsight.Cli;

/// <summary>
/// The command line's composition root: the one place that opens the store a command names (<c>--store</c>,
/// <c>--db</c>, the environment) and the engine over it. A command asks it for the workspace of <c>--org</c> and calls
/// one use case.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private CliHost(HindsightEngine engine, Organisation organisation)
    {
        Engine = engine;
        Organisation = organisation;
    }

    /// <summary>The engine over the store.</summary>
    public HindsightEngine Engine { get; }

    /// <summary>The organisation of <c>--org</c>.</summary>
    public Organisation Organisation { get; }

    /// <summary>The workspace of <c>--org</c>.</summary>
    public Workspace Workspace => Engine.For(Organisation);

    /// <summary>Opens the store the command line names (creating an embedded one if needed).</summary>
    public static async Task<CliHost> OpenAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        var organisation = Organisation.Parse(result.GetValue(GlobalOptions.Org));
        var engine = await HindsightEngine.OpenAsync(StoreOf(result, context), OptionsOf(context), context.Clock, cancellationToken: cancellationToken);
        return new CliHost(engine, organisation);
    }

    /// <summary>
    /// Opens the store the command line names for a command that only reads: it must exist already (nothing is
    /// created; a missing one is an error of its own exit code) and an embedded store's file is opened read-only. A command
    /// that only analyses (the report, the metrics) holds its incidents in <see cref="IncidentDetail.Analysis"/>.
    /// </summary>
    public static async Task<CliHost> OpenForReadingAsync(ParseResult result, CliContext context, CancellationToken cancellationToken, IncidentDetail detail = IncidentDetail.Full)
    {
        var organisation = Organisation.Parse(result.GetValue(GlobalOptions.Org));
        var store = StoreOf(result, context) with { ReadOnly = true };
        var engine = await HindsightEngine.OpenAsync(store, OptionsOf(context) with { IncidentDetail = detail }, context.Clock, cancellationToken: cancellationToken);
        return new CliHost(engine, organisation);
    }

    /// <summary>Whether the command line names a store explicitly (an option, not the environment or the default).</summary>
    public static bool NamesStore(ParseResult result) => result.GetValue(GlobalOptions.Store) is not null || result.GetValue(GlobalOptions.Db) is not null;

    /// <summary>The store the options and the environment name: a PostgreSQL connection wins over a folder.</summary>
    public static StoreOptions StoreOf(ParseResult result, CliContext context) => new(
        result.GetValue(GlobalOptions.Store) ?? context.Environment("LEARNING_STORAGE_DIR"),
        result.GetValue(GlobalOptions.Db) ?? context.Environment("HINDSIGHT_DB"));

    /// <summary>
    /// How workspaces keep indexes and caches: <c>LEARNING_INDEX_CACHE_TTL</c> seconds, index snapshots of a server store
    /// in the user's data folder, the sentence model unless <c>HINDSIGHT_SEMANTIC=off</c>.
    /// </summary>
    public static WorkspaceOptions OptionsOf(CliContext context) => new()
    {
        LocalDataFolder = StoreOptions.DefaultDirectory,
        CacheTtl = int.TryParse(context.Environment("LEARNING_INDEX_CACHE_TTL"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : WorkspaceOptions.DefaultCacheTtl,
        Embedder = EmbedderOf(context),
    };

    /// <summary>The sentence model of the semantic feature (<c>HINDSIGHT_SEMANTIC</c>: on by default), or null when it is off.</summary>
    public static ITextEmbedder? EmbedderOf(CliContext context)
    {
        try
        {
            return SentenceModel.FromSetting(context.Environment(SentenceModel.Variable));
        }
        catch (ArgumentException ex)
        {
            throw new UserError(ex.Message);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
