using Hindsight.Canonical;
using Hindsight.Generation;

namespace Hindsight.Bench;

/// <summary>Time to generate a history file of N incidents, median of several runs.</summary>
internal static class GenerateBenchmark
{
    public static int Run(int incidents, int runs)
    {
        var times = new List<double>();
        var path = Path.Combine(Path.GetTempPath(), $"hindsight-bench-generate-{Guid.NewGuid():N}.jsonl");
        long bytes = 0;
        for (var run = 0; run < runs; run++)
        {
            var seconds = BenchKit.Seconds(() =>
            {
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
                JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(incidents, Seed: run + 1)), file);
            });
            bytes = new FileInfo(path).Length;
            times.Add(seconds);
            Console.WriteLine($"run {run + 1}: {seconds:F1} s");
        }

        File.Delete(path);
        Console.WriteLine($"generate {incidents:N0} incidents ({bytes / 1e6:N0} MB), median of {runs}: {BenchKit.Median(times):F1} s ({incidents / BenchKit.Median(times):N0} incidents/s)");
        return 0;
    }
}
