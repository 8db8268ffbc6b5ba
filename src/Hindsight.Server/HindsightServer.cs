using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Hindsight.Agents;
using Hindsight.Application.Notifications;
using Hindsight.Application.Observability;
using Hindsight.Application.Serialization;
using Hindsight.Application.Workspaces;
using Hindsight.Server.Access;
using Hindsight.Server.Endpoints;
using Hindsight.Server.Hosting;
using Hindsight.Server.Logging;
using Hindsight.Server.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Hindsight.Server;

/// <summary>
/// The service: every route a thin adapter over one use case of the workspace of the caller's organisation. Built from
/// command-line arguments and configuration (<see cref="ServerSettings"/>).
/// </summary>
public static class HindsightServer
{
    /// <summary>The path of the Prometheus metrics.</summary>
    public const string MetricsPath = "/learning/metrics";

    /// <summary>Builds the service; <paramref name="configure"/> may change the builder (tests). Settings are read when the service starts.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        Configure(builder);
        var app = builder.Build();
        Map(app);
        return app;
    }

    private static void Configure(WebApplicationBuilder builder)
    {
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Services.AddSingleton(sp => ServerSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<ServerSettings>((kestrel, settings) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        builder.Services.AddOptions<LoggerFilterOptions>().Configure<ServerSettings>((filters, settings) =>
        {
            filters.MinLevel = settings.LogLevel;
            filters.Rules.Add(new LoggerFilterRule(null, "Microsoft.AspNetCore", LogLevel.Warning, null));
        });
        builder.Services.AddSingleton<ILoggerProvider>(sp => new FileLogs(sp.GetRequiredService<ServerSettings>().LogDirectory));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new EngineTelemetry(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddHttpClient("notifications", http => http.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(sp => new NotificationSender(
            new WebhookNotifier(sp.GetRequiredService<IHttpClientFactory>().CreateClient("notifications"), attempts: 3, firstDelay: TimeSpan.FromMilliseconds(200)),
            sp.GetRequiredService<ILogger<NotificationSender>>()));
        builder.Services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<ServerSettings>();
            return HindsightEngine.OpenAsync(settings.Store, settings.Workspaces, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EngineTelemetry>(),
                sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<NotificationSender>()).GetAwaiter().GetResult();
        });
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<BackgroundWork>();

        builder.Services.ConfigureHttpJsonOptions(o => Json(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // a body that does not bind is a problem naming the field in every environment, not a bare 400 outside Development
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ErrorHandler>();
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Hindsight";
                document.Info.Description = "The incident learning engine's API. Every /v1 route needs Authorization: Bearer KEY; the organisation comes from the key.";
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(Incidents.Incident))
                {
                    schema.Description = "An incident in the canonical format: docs/formats.md, and its JSON Schema docs/hindsight-record.schema.json ($defs/incident).";
                }

                return Task.CompletedTask;
            });
        });
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<ServerSettings>((o, settings) =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => HttpMethods.IsPost(http.Request.Method) && http.Request.Path == "/signin"
                ? RateLimitPartition.GetFixedWindowLimiter("signin " + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = 60, // sign-ins from one address: a minute's worth; keys cannot be guessed, but each try costs a lookup
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : ApiKeyMiddleware.CallerOf(http) is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter(caller.KeyId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.RateBurst,
                    TokensPerPeriod = settings.RatePerSecond, // a second's worth each second: a tenth every 100 ms rounded rates under 10 a second up to 10
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, token) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"this key may make {settings.RatePerSecond} requests a second ({settings.RateBurst} at once); try again after the Retry-After seconds");
            };
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAgentAccess, KeyAgentAccess>();
        builder.Services.AddMcpServer(o =>
            {
                o.ServerInfo = new() { Name = "hindsight", Version = typeof(HindsightServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
                o.ServerInstructions = AgentServer.Instructions;
            })
            .WithHttpTransport(o => o.Stateless = true) // each request carries its key; nothing is kept between requests
            .WithHindsightAgents();
        builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("hindsight")).WithMetrics(m => m.AddMeter(EngineTelemetry.MeterName).AddPrometheusExporter());
    }

    private static void Map(WebApplication app)
    {
        app.UseMiddleware<RequestLog>(); // outermost: it logs the status the caller got, problems included
        app.Use((http, next) =>
        {
            // No script runs on any page of this service, inline or not. Set as the response starts, so that error
            // pages (whose handler clears the headers) carry them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // a route that does not exist, or a method it does not take, is a problem too
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseRateLimiter();

        app.MapGet("/healthz", () => TypedResults.Ok(new Health("ok"))).WithTags("Health").WithSummary("The process is up");
        app.MapGet("/readyz", async Task<IResult> (HindsightEngine engine, Readiness readiness, CancellationToken ct) =>
            !await engine.IsReadyAsync(ct) ? TypedResults.Json(new Health("the store cannot be reached"), statusCode: StatusCodes.Status503ServiceUnavailable)
            : !readiness.Warm ? TypedResults.Json(new Health("loading the workspaces"), statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new Health("ok"))).WithTags("Health").WithSummary("The store answers and the workspaces are loaded");
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapOpenApi("/openapi/{documentName}.json");

        var v1 = app.MapGroup("/v1");
        IncidentEndpoints.Map(v1);
        LearningEndpoints.Map(v1);
        SiloEndpoints.Map(v1);
        RiskEndpoints.Map(v1);
        MonitoringEndpoints.Map(v1);
        DrillEndpoints.Map(v1);
        WebhookEndpoints.Map(v1);
        ResponseEndpoints.Map(v1);
        app.MapMcp("/mcp"); // the agents' tools over streamable HTTP; the key middleware guards it like /v1
        Dashboard.DashboardEndpoints.Map(app); // the web dashboard at /, signed in with a key (a session cookie)
    }

    /// <summary>The API's JSON: the result context every interface shares, snake_case names, times in UTC, required fields enforced.</summary>
    public static void Json(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RespectNullableAnnotations = true; // a body without a field the request needs, or with null in it, is a 400 naming it, not a failure deep inside
        options.RespectRequiredConstructorParameters = true;
        options.TypeInfoResolverChain.Insert(0, ResultJsonContext.Default);
        options.TypeInfoResolverChain.Insert(1, ServerJsonContext.Default);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new StringListConverter());
        options.Converters.Add(new CanonicalIncidentConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
