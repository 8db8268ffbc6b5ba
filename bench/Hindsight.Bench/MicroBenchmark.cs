using System.Diagnostics;
using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Validation;

namespace Hindsight.Bench;

/// <summary>Per-incident cost of each step of reading and storing, on generated incidents (microseconds).</summary>
internal static class MicroBenchmark
{
    public static int Run()
    {
        var path = BenchKit.HistoryFile(10_000);
        var lines = File.ReadLines(path).Select(System.Text.Encoding.UTF8.GetBytes).Where(l => !CanonicalJson.TryPeekKind(l, out var k, out _) || k == RecordKind.Incident).Skip(100).Take(5_000).ToList();
        Console.WriteLine($"incident lines: {lines.Count}, mean {lines.Average(l => l.Length):F0} bytes");
        for (var round = 0; round < 3; round++)
        {
            var records = new List<HistoryRecord>(lines.Count);
            var t = Stopwatch.StartNew();
            foreach (var l in lines)
            {
                records.Add(CanonicalJson.Deserialize(RecordKind.Incident, l));
            }

            var deser = t.Elapsed.TotalMicroseconds / lines.Count;
            t.Restart();
            foreach (var r in records)
            {
                _ = RecordValidator.Validate(r);
            }

            var val = t.Elapsed.TotalMicroseconds / lines.Count;
            t.Restart();
            foreach (var r in records)
            {
                _ = CanonicalJson.Serialize(r);
            }

            var ser = t.Elapsed.TotalMicroseconds / lines.Count;
            t.Restart();
            foreach (var l in lines)
            {
                _ = System.Security.Cryptography.SHA256.HashData(l);
            }

            var hash = t.Elapsed.TotalMicroseconds / lines.Count;
            t.Restart();
            foreach (var l in lines)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(l);
            }

            var jdoc = t.Elapsed.TotalMicroseconds / lines.Count;
            t.Restart();
            foreach (var r in records)
            {
                _ = RecordNormaliser.Normalise(r);
            }

            Console.WriteLine($"normalise {t.Elapsed.TotalMicroseconds / lines.Count:F1} µs");
            Console.WriteLine($"deserialize {deser:F1} µs, validate {val:F1} µs, serialize {ser:F1} µs, sha256 {hash:F1} µs, JsonDocument.Parse {jdoc:F1} µs");
        }

        return 0;
    }
}
