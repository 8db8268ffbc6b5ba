using System.Text.Json;
using Hindsight.History;

namespace Hindsight.Canonical;

/// <summary>Writes records as canonical JSON Lines.</summary>
public static class JsonLinesWriter
{
    /// <summary>Writes every record to the stream, one per line; reports the count written every 10,000 records.</summary>
    /// <returns>The number of records written.</returns>
    public static long Write(IEnumerable<HistoryRecord> records, Stream output, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var record in records)
        {
            CanonicalJson.Write(json, record);
            json.Flush();
            json.Reset();
            output.WriteByte((byte)'\n');
            if (++count % 10_000 == 0)
            {
                progress?.Invoke(count);
            }
        }

        return count;
    }
}
