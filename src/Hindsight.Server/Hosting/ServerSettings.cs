using Hindsight.Application.Workspaces;
using Hindsight.Semantic;
using Hindsight.Storage;

namespace Hindsight.Server.Hosting;

/// <summary>
/// How the service runs, from configuration: the <c>Hindsight:*</c> keys (command-line options of <c>hindsight serve</c>
/// become these) and the seed's environment variables (<c>LEARNING_STORAGE_DIR</c>, <c>LEARNING_LOG_LEVEL</c>,
/// <c>LEARNING_LOG_DIR</c>, <c>LEARNING_METRICS_DIR</c>, <c>LEARNING_INDEX_CACHE_TTL</c>, <c>LEARNING_GRAPH_UPDATE_INTERVAL</c>),
/// <c>HINDSIGHT_DB</c> and <c>HINDSIGHT_SEMANTIC</c> (<c>Hindsight:Semantic</c>: on or off). An option wins over a variable.
/// </summary>
public sealed record ServerSettings
{
    /// <summary>The store.</summary>
    public required StoreOptions Store { get; init; }

    /// <summary>Index caches and this machine's data folder.</summary>
    public required WorkspaceOptions Workspaces { get; init; }

    /// <summary>The minimum level of log lines (Trace … Critical).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Where <c>operations.log</c> and <c>errors.log</c> go (and <c>metrics.jsonl</c> without a metrics folder); null: standard output only.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Where <c>metrics.jsonl</c> goes.</summary>
    public string? MetricsDirectory { get; init; }

    /// <summary>How often analyses (metrics, the report) are recomputed in the background (<c>LEARNING_GRAPH_UPDATE_INTERVAL</c>).</summary>
    public TimeSpan AnalysisInterval { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>How often the store is polled for other processes' writes when no notification comes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests a second each key may make on average.</summary>
    public int RatePerSecond { get; init; } = 200;

    /// <summary>Requests a key may make at once before it is limited.</summary>
    public int RateBurst { get; init; } = 400;

    /// <summary>The largest request body accepted, in bytes (<c>Hindsight:MaxBodyBytes</c>).</summary>
    public long MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most records one batch request may hold (<c>Hindsight:MaxBatchRecords</c>).</summary>
    public int MaxBatchRecords { get; init; } = 10_000;

    /// <summary>Settings from configuration.</summary>
    public static ServerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string key, string variable) => configuration[$"Hindsight:{key}"] is { Length: > 0 } v ? v : configuration[variable] is { Length: > 0 } e ? e : null;
        TimeSpan Seconds(string key, string variable, TimeSpan fallback) =>
            int.TryParse(Get(key, variable), out var s) && s > 0 ? TimeSpan.FromSeconds(s) : fallback;
        int Number(string key, int fallback) => int.TryParse(configuration[$"Hindsight:{key}"], out var n) && n > 0 ? n : fallback;
        return new ServerSettings
        {
            Store = new StoreOptions(Get("Store", "LEARNING_STORAGE_DIR"), Get("Db", "HINDSIGHT_DB")),
            Workspaces = new WorkspaceOptions
            {
                LocalDataFolder = StoreOptions.DefaultDirectory,
                CacheTtl = Seconds("CacheTtl", "LEARNING_INDEX_CACHE_TTL", WorkspaceOptions.DefaultCacheTtl),
                Embedder = SentenceModel.FromSetting(Get("Semantic", SentenceModel.Variable)),
            },
            LogLevel = LevelOf(Get("LogLevel", "LEARNING_LOG_LEVEL")),
            LogDirectory = Get("LogDir", "LEARNING_LOG_DIR"),
            MetricsDirectory = Get("MetricsDir", "LEARNING_METRICS_DIR"),
            AnalysisInterval = Seconds("GraphUpdateInterval", "LEARNING_GRAPH_UPDATE_INTERVAL", TimeSpan.FromSeconds(600)),
            PollInterval = TimeSpan.FromMilliseconds(Number("PollMilliseconds", 1000)),
            RatePerSecond = Number("RatePerSecond", 200),
            RateBurst = Number("RateBurst", 400),
            MaxBodyBytes = Number("MaxBodyBytes", 16 * 1024 * 1024),
            MaxBatchRecords = Number("MaxBatchRecords", 10_000),
        };
    }

    /// <summary>A log level from the seed's names (DEBUG, INFO, WARNING, ERROR) or .NET's.</summary>
    public static LogLevel LevelOf(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => LogLevel.Information,
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" or "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
