using System.Security.Cryptography;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>A record turned into the columns both backends store: kind, key, time, content hash and canonical JSON.</summary>
internal readonly record struct RecordRow(RecordKind RecordKind, string Kind, string Key, long? At, byte[] Hash, byte[] Document)
{
    public static RecordRow From(HistoryRecord record, byte[]? document)
    {
        if (document is null)
        {
            return From(record);
        }

        return new RecordRow(record.Kind, RecordKindText.Format(record.Kind), record.Key, ToMillis(record.At), HashOf(document), document);
    }

    public static RecordRow From(HistoryRecord record)
    {
        var clean = record.Org is null ? record : record with { Org = null };
        var doc = CanonicalJson.Serialize(clean);
        return new RecordRow(record.Kind, RecordKindText.Format(record.Kind), record.Key, ToMillis(record.At), HashOf(doc), doc);
    }

    public static byte[] HashOf(ReadOnlySpan<byte> document) => SHA256.HashData(document)[..16];

    public static long? ToMillis(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    public static DateTimeOffset? FromMillis(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    public static RecordKind ParseKind(string kind) =>
        RecordKindText.TryParse(kind, out var k) ? k : throw new InvalidDataException($"store holds unknown record kind '{kind}'");

    /// <summary>Serialises a batch of records.</summary>
    public static RecordRow[] FromAll(IReadOnlyList<HistoryRecord> records)
    {
        var rows = new RecordRow[records.Count];
        if (rows.Length < 64)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = From(records[i]);
            }
        }
        else
        {
            Parallel.For(0, rows.Length, i => rows[i] = From(records[i]));
        }

        return rows;
    }

    /// <summary>Keeps the last row of each (kind, key): the later line of an input wins.</summary>
    public static (List<RecordRow> Rows, int Superseded) LastOfEachKey(IReadOnlyList<RecordRow> records)
    {
        var seen = new Dictionary<(RecordKind, string), int>(records.Count);
        var result = new List<RecordRow>(records.Count);
        var superseded = 0;
        foreach (var r in records)
        {
            if (seen.TryGetValue((r.RecordKind, r.Key), out var at))
            {
                result[at] = r;
                superseded++;
            }
            else
            {
                seen[(r.RecordKind, r.Key)] = result.Count;
                result.Add(r);
            }
        }

        return (result, superseded);
    }
}
