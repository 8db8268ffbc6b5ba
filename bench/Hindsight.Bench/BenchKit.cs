using System.Diagnostics;
using Hindsight.Canonical;
using Hindsight.Generation;

namespace Hindsight.Bench;

internal static class BenchKit
{
    public static string TempFolder(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hindsight-bench-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Generates a history file once per size and seed, and reuses it.</summary>
    public static string HistoryFile(int incidents)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hindsight-bench-history-{incidents}.jsonl");
        if (!File.Exists(path))
        {
            using var file = File.Create(path);
            JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(incidents, Seed: 1)), file);
        }

        return path;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Seconds(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
