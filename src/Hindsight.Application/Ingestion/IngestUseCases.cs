using Hindsight.Application.Workspaces;

namespace Hindsight.Application.Ingestion;

/// <summary>Reading history into an organisation: from a file, or from any stream with a name (a request body, an upload).</summary>
public sealed class IngestUseCases
{
    private readonly Workspace _workspace;

    internal IngestUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>Ingests one file; a file that exists but cannot be read is rejected whole (in the report and the rejects file).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<IngestReport> FileAsync(string path, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or (IOException and not FileNotFoundException and not DirectoryNotFoundException))
        {
            return HistoryIngestor.Unreadable(path, $"cannot read the file: {ex.Message}", options); // rejected whole; a run goes on
        }

        await using (stream)
        {
            return await StreamAsync(stream, path, options, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ingests one input; <paramref name="name"/> names it in problems and picks its format by extension (a gzip input
    /// is read decompressed). Valid records are durable when this returns, and searchable.
    /// </summary>
    public async Task<IngestReport> StreamAsync(Stream input, string name, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var scope = _workspace.Telemetry.Measure("ingest");
        try
        {
            var report = await new HistoryIngestor(_workspace.Store, _workspace.Organisation).IngestAsync(input, name, options, progress, cancellationToken).ConfigureAwait(false);
            if (report.Stored.Inserted + report.Stored.Updated > 0)
            {
                await _workspace.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }

            _workspace.Telemetry.Registered(scope.Elapsed);
            return report;
        }
        catch (Exception ex)
        {
            scope.Fail(ex);
            throw;
        }
    }
}
