using System.Security.Cryptography;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage;

/// <summary>A record turned into the columns both backends store: kind, key, time, content hash and canonical JSON.</summary>
internal readonly record struct RecordRow(string Kind, string Key, long? At, byte[] Hash, byte[] Document)
{
    public static RecordRow From(HistoryRecord record)
    {
        var clean = record.Org is null ? record : record with { Org = null };
        var doc = CanonicalJson.Serialize(clean);
        return new RecordRow(RecordKindText.Format(record.Kind), record.Key, ToMillis(record.At), HashOf(doc), doc);
    }

    public static byte[] HashOf(ReadOnlySpan<byte> document) => SHA256.HashData(document)[..16];

    public static long? ToMillis(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    public static DateTimeOffset? FromMillis(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    public static RecordKind ParseKind(string kind) =>
        RecordKindText.TryParse(kind, out var k) ? k : throw new InvalidDataException($"store holds unknown record kind '{kind}'");

    /// <summary>Keeps the last record of each (kind, key): the later line of an input wins.</summary>
    public static (List<HistoryRecord> Records, int Superseded) LastOfEachKey(IReadOnlyList<HistoryRecord> records)
    {
        var seen = new Dictionary<(RecordKind, string), int>(records.Count);
        var result = new List<HistoryRecord>(records.Count);
        var superseded = 0;
        foreach (var r in records)
        {
            if (seen.TryGetValue((r.Kind, r.Key), out var at))
            {
                result[at] = r;
                superseded++;
            }
            else
            {
                seen[(r.Kind, r.Key)] = result.Count;
                result.Add(r);
            }
        }

        return (result, superseded);
    }
}
