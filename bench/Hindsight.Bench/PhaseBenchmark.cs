using System.Diagnostics;
using Hindsight.History;
using Hindsight.Import;
using Hindsight.Storage;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Bench;

/// <summary>Times each phase of ingest on its own, to see where the time goes.</summary>
internal static class PhaseBenchmark
{
    public static async Task<int> RunAsync(int incidents)
    {
        var path = BenchKit.HistoryFile(incidents);
        List<HistoryRecord> records = [];
        var warm = BenchKit.Seconds(() =>
        {
            using var stream = File.OpenRead(path);
            records = new JsonlFormat().Read(stream, ImportLimits.Default).Select(r => r.Record!).ToList();
        });
        Console.WriteLine($"parse (cold)     {records.Count / warm,12:N0} records/s");
        var parse = BenchKit.Seconds(() =>
        {
            using var stream = File.OpenRead(path);
            records = new JsonlFormat().Read(stream, ImportLimits.Default).Select(r => r.Record!).ToList();
        });
        Console.WriteLine($"parse+validate   {records.Count / parse,12:N0} records/s");
        var lines = File.ReadAllLines(path).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        var deserialize = BenchKit.Seconds(() =>
        {
            foreach (var line in lines)
            {
                Hindsight.Canonical.CanonicalJson.TryPeekKind(line, out var kind, out _);
                _ = Hindsight.Canonical.CanonicalJson.Deserialize(kind, line);
            }
        });
        Console.WriteLine($"deserialize      {lines.Count / deserialize,12:N0} records/s");
        var validate = BenchKit.Seconds(() =>
        {
            foreach (var r in records)
            {
                _ = Hindsight.Validation.RecordValidator.Validate(r);
            }
        });
        Console.WriteLine($"validate         {records.Count / validate,12:N0} records/s");
        var rows = BenchKit.Seconds(() =>
        {
            foreach (var r in records)
            {
                _ = Hindsight.Canonical.CanonicalJson.Serialize(r);
            }
        });
        Console.WriteLine($"serialize        {records.Count / rows,12:N0} records/s");
        var pipelineParse = BenchKit.Seconds(() =>
        {
            using var stream = File.OpenRead(path);
            foreach (var chunk in new JsonlFormat().Read(stream, ImportLimits.Default).Chunk(5_000))
            {
                foreach (var r in chunk)
                {
                    _ = Hindsight.Canonical.CanonicalJson.Serialize(r.Record!);
                }
            }
        });
        Console.WriteLine($"read+serialize   {records.Count / pipelineParse,12:N0} records/s (the reading thread of ingest)");
        var docs = records.Select(r => Hindsight.Canonical.CanonicalJson.Serialize(r)).ToList();
        var dir0 = BenchKit.TempFolder("raw");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir0, "x.db")}"))
        {
            connection.Open();
            using (var p = connection.CreateCommand())
            {
                p.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE records (seq INTEGER PRIMARY KEY, org TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, at INTEGER, rev INTEGER NOT NULL, hash BLOB NOT NULL, doc BLOB NOT NULL, UNIQUE (org, kind, key)); CREATE INDEX a ON records(org, kind, at); CREATE INDEX b ON records(rev);";
                p.ExecuteNonQuery();
            }

            var raw = Stopwatch.StartNew();
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO records (org, kind, key, at, rev, hash, doc) VALUES ('o', $kind, $key, $at, 1, $hash, $doc)";
            var kind = cmd.Parameters.Add("$kind", Microsoft.Data.Sqlite.SqliteType.Text);
            var key = cmd.Parameters.Add("$key", Microsoft.Data.Sqlite.SqliteType.Text);
            var at = cmd.Parameters.Add("$at", Microsoft.Data.Sqlite.SqliteType.Integer);
            var hash = cmd.Parameters.Add("$hash", Microsoft.Data.Sqlite.SqliteType.Blob);
            var doc = cmd.Parameters.Add("$doc", Microsoft.Data.Sqlite.SqliteType.Blob);
            cmd.Prepare();
            for (var i = 0; i < records.Count; i++)
            {
                kind.Value = "incident";
                key.Value = records[i].Key + records[i].Kind;
                at.Value = 5L;
                hash.Value = new byte[16];
                doc.Value = docs[i];
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
            Console.WriteLine($"raw sqlite insert {records.Count / raw.Elapsed.TotalSeconds,11:N0} records/s");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir0, true);

        var dir = BenchKit.TempFolder("phases");
        var store = SqliteHistoryStore.Open(dir);
        var clock = Stopwatch.StartNew();
        foreach (var batch in records.Chunk(5_000))
        {
            await using var writer = await store.BeginWriteAsync(Hindsight.Organisations.Organisation.Parse("bench"));
            await writer.WriteAsync(batch);
            await writer.CommitAsync();
        }

        Console.WriteLine($"store (all)      {records.Count / clock.Elapsed.TotalSeconds,12:N0} records/s");
        await store.DisposeAsync();
        Directory.Delete(dir, true);
        return 0;
    }
}
