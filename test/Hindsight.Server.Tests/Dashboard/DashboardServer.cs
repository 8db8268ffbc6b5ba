using System.Globalization;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Silos;
using Hindsight.Application.Workspaces;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Storage;

namespace Hindsight.Server.Tests.Dashboard;

/// <summary>
/// A real <c>hindsight serve</c> over a generated history of organisation acme (with tracked silos, the example risk
/// register and an incident full of hostile strings), and one incident of organisation globex; keys of both.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    public const string Hostile = "HOSTILE-1";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "hindsight-dashboard-" + Guid.NewGuid().ToString("N"));

    public ServeProcess Serve { get; private set; } = null!;

    public string Writer { get; private set; } = "";

    public string Reader { get; private set; } = "";

    public string Other { get; private set; } = "";

    public string AnyId { get; private set; } = "";

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "dashboard-screenshots");

    private string[] Store => ["--store", Path.Combine(Folder, "store")];

    public async Task InitializeAsync()
    {
        await using (var engine = await HindsightEngine.OpenAsync(new StoreOptions(Path.Combine(Folder, "store"), null)))
        {
            var acme = engine.For(Organisation.Parse("acme"));
            var history = new MemoryStream();
            JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(1_500, Seed: 7)), history);
            history.Position = 0;
            await acme.Ingest.StreamAsync(history, "history.jsonl", new IngestOptions());
            var latest = (await acme.Incidents.ListAsync(new() { Limit = 1 })).Incidents[0];
            AnyId = (await acme.Incidents.ListAsync(new() { Limit = 1, Severity = "SEV1" })).Incidents[0].Id;
            await acme.Incidents.RecordAsync([new Incident
            {
                Id = Hostile,
                Title = "<script>alert('title')</script> checkout down",
                Summary = "\"><img src=x onerror=alert('summary')> and <b>bold</b>",
                Severity = Severity.Sev2,
                Services = ["\"><img src=x onerror=alert('service')>"],
                Tags = ["<svg onload=alert('tag')>"],
                StartedAt = latest.StartedAt.AddHours(1),
                Responders = [new Responder("<i>Mallory</i>", "incident_commander")],
                Consulted = [new KnowledgeReference("runbook", "javascript:alert('runbook')")],
            }]);
            await acme.Silos.DetectAsync(new SiloRequest(AsOf: latest.StartedAt.ToString("O", CultureInfo.InvariantCulture), Source: SiloSource.Incidents, MinResponses: 3));
            await acme.Risks.ImportAsync(null);
            await engine.For(Organisation.Parse("globex")).Incidents.RecordAsync([new Incident { Id = "GLOBEX-1", Title = "Globex only", StartedAt = latest.StartedAt }]);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Writer = await ServeProcess.CreateKeyAsync(Store, "acme", "write");
        Reader = await ServeProcess.CreateKeyAsync(Store, "acme", "read");
        Other = await ServeProcess.CreateKeyAsync(Store, "globex", "write");
        Serve = await ServeProcess.StartAsync(Store);
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await Serve.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
