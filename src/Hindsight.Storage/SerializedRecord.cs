using System.Security.Cryptography;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>A record turned into the columns both backends store: kind, key, time, content hash and canonical JSON.</summary>
/// <param name="RecordKind">The record's kind.</param>
/// <param name="Kind">The kind as stored (its name).</param>
/// <param name="Key">The record's key.</param>
/// <param name="At">The record's time in Unix milliseconds, if it has one.</param>
/// <param name="Hash">The first 16 bytes of the SHA-256 of the document.</param>
/// <param name="Document">The canonical JSON, UTF-8, without the organisation.</param>
public readonly record struct SerializedRecord(RecordKind RecordKind, string Kind, string Key, long? At, byte[] Hash, byte[] Document)
{
    /// <summary>Serialises a record; <paramref name="document"/> is its canonical JSON when the caller has it already.</summary>
    public static SerializedRecord From(HistoryRecord record, byte[]? document)
    {
        if (document is null)
        {
            return From(record);
        }

        return new SerializedRecord(record.Kind, RecordKindText.Format(record.Kind), record.Key, ToMillis(record.At), HashOf(document), document);
    }

    /// <summary>Serialises a record.</summary>
    public static SerializedRecord From(HistoryRecord record)
    {
        var clean = record.Org is null ? record : record with { Org = null };
        var doc = CanonicalJson.Serialize(clean);
        return new SerializedRecord(record.Kind, RecordKindText.Format(record.Kind), record.Key, ToMillis(record.At), HashOf(doc), doc);
    }

    internal static byte[] HashOf(ReadOnlySpan<byte> document) => SHA256.HashData(document)[..16];

    internal static long? ToMillis(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    internal static DateTimeOffset? FromMillis(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    internal static RecordKind ParseKind(string kind) =>
        RecordKindText.TryParse(kind, out var k) ? k : throw new InvalidDataException($"store holds unknown record kind '{kind}'");

    /// <summary>Serialises a batch of records.</summary>
    internal static SerializedRecord[] FromAll(IReadOnlyList<HistoryRecord> records)
    {
        var rows = new SerializedRecord[records.Count];
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
    internal static (List<SerializedRecord> Rows, int Superseded) LastOfEachKey(IReadOnlyList<SerializedRecord> records)
    {
        var seen = new Dictionary<(RecordKind, string), int>(records.Count);
        var result = new List<SerializedRecord>(records.Count);
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
