using System.Net.Http.Headers;
using Hindsight.Application.Workspaces;
using Hindsight.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hindsight.Server.Tests;

/// <summary>The service in process over a fresh embedded store, with helpers for keys and clients.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;

    public ServerFactory(Dictionary<string, string>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "hindsight-server-" + Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string>(settings ?? [], StringComparer.Ordinal);
        _settings.TryAdd("Hindsight:Store", Path.Combine(Folder, "store"));
        _settings.TryAdd("Hindsight:Semantic", "off"); // on only where a test is about it: the model costs seconds of CPU per service
    }

    public string Folder { get; }

    public HindsightEngine Engine => Services.GetRequiredService<HindsightEngine>();

    /// <summary>A client that sends a new key of <paramref name="organisation"/> with <paramref name="scope"/>.</summary>
    public async Task<HttpClient> ClientAsync(string organisation = "acme", string scope = "write")
    {
        var key = await Engine.Access.CreateKeyAsync(Organisation.Parse(organisation), scope);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // what users run: no developer defaults
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DeleteFolder();
        }
    }

    /// <summary>
    /// Deletes the test's folder, trying again for up to two seconds: once in a CI run a file appeared in the index
    /// folder while it was being deleted, as the service stopped, failing a test whose assertions had all passed.
    /// </summary>
    private void DeleteFolder()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }
}
