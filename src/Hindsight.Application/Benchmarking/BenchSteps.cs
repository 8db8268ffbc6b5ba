using System.Diagnostics;
using Hindsight.Application.Learning;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Canonical;
using Hindsight.Organisations;
using Hindsight.Retrieval;
using Hindsight.Storage;

namespace Hindsight.Application.Benchmarking;

/// <summary>
/// Runs one <see cref="BenchStep"/> on the benchmark's store, in the calling process, through the same use cases as
/// the commands: the benchmark starts a fresh process for each, so that peak memory is the step's alone.
/// </summary>
public static class BenchSteps
{
    private const string Query = "checkout errors after deploy\nrequests to the payments database time out";

    /// <summary>Runs <paramref name="step"/> on the embedded store in <paramref name="storeFolder"/> (the default organisation).</summary>
    public static async Task<StepCost> RunAsync(BenchStep step, string storeFolder, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var store = new StoreOptions(storeFolder, null);
        var timer = Stopwatch.StartNew();
        var options = new WorkspaceOptions { IncidentDetail = step == BenchStep.Report ? IncidentDetail.Analysis : IncidentDetail.Full }; // as `hindsight report` reads
        await using var engine = await HindsightEngine.OpenAsync(store, options, clock, cancellationToken: cancellationToken).ConfigureAwait(false);
        var workspace = engine.For(Organisation.Default);
        switch (step)
        {
            case BenchStep.Build:
                var snapshot = IndexLocation.SnapshotPath(IndexLocation.FolderOf(workspace.Store, ""), workspace.Organisation);
                if (File.Exists(snapshot))
                {
                    File.Delete(snapshot);
                }

                await workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
                break;
            case BenchStep.Serve:
                var search = await workspace.EngineAsync(cancellationToken).ConfigureAwait(false);
                if (!search.LoadedSnapshot)
                {
                    throw new InvalidOperationException("the engine did not open from its snapshot");
                }

                search.Search(new SimilarityQuery { Text = IndexedText.FromQuery(Query), At = clock.GetUtcNow() });
                break;
            case BenchStep.Report:
                await workspace.Learning.ReportAsync(new ReportRequest(), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "not a benchmark step");
        }

        var seconds = timer.Elapsed.TotalSeconds;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var cost = new StepCost(Math.Round(seconds, 3), self.PeakWorkingSet64, self.WorkingSet64);
        GC.KeepAlive(workspace);
        return cost;
    }
}
