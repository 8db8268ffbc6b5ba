using System.CommandLine;
using Hindsight.Server;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight serve</c>: the learning engine as a service (docs/api.md, docs/operations.md).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var logDir = new Option<string?>("--log-dir") { Description = "Also write operations.log and errors.log here (default: $LEARNING_LOG_DIR)" };
        var metricsDir = new Option<string?>("--metrics-dir") { Description = "Write metrics.jsonl here (default: $LEARNING_METRICS_DIR, else the log folder)" };
        var logLevel = new Option<string?>("--log-level") { Description = "DEBUG, INFO, WARNING or ERROR (default: $LEARNING_LOG_LEVEL, else INFO)" };
        var cacheTtl = new Option<int?>("--cache-ttl") { Description = "Seconds a cached search or analysis lives (default: $LEARNING_INDEX_CACHE_TTL, else 300)" };
        var interval = new Option<int?>("--graph-update-interval") { Description = "Seconds between background recomputations of analyses (default: $LEARNING_GRAPH_UPDATE_INTERVAL, else 600)" };
        var rate = new Option<int?>("--rate-limit") { Description = "Requests a second each API key may make (default 200)" };
        var burst = new Option<int?>("--rate-burst") { Description = "Requests a key may make at once before it is limited (default 400)" };
        var command = new Command("serve", "Run the service: JSON API with keys and rate limits, webhook intake, Prometheus metrics at /learning/metrics")
        {
            urls, logDir, metricsDir, logLevel, cacheTtl, interval, rate, burst,
        };
        command.SetAction(async (result, ct) =>
        {
            var store = CliHost.StoreOf(result, context);
            var args = new List<string> { "--urls", result.GetValue(urls)! };
            void Add(string key, object? value)
            {
                if (value is not null)
                {
                    args.AddRange([$"--Hindsight:{key}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!]);
                }
            }

            Add("Store", store.Directory);
            Add("Db", store.ConnectionString);
            Add("LogDir", result.GetValue(logDir));
            Add("MetricsDir", result.GetValue(metricsDir));
            Add("LogLevel", result.GetValue(logLevel));
            Add("CacheTtl", result.GetValue(cacheTtl));
            Add("GraphUpdateInterval", result.GetValue(interval));
            Add("RatePerSecond", result.GetValue(rate));
            Add("RateBurst", result.GetValue(burst));
            await using var app = HindsightServer.Build([.. args]);
            await app.RunAsync();
            return ExitCodes.Ok;
        });
        return command;
    }
}
