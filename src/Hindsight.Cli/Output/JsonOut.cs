using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hindsight.Cli.Output;

/// <summary>Writes JSON results to standard output, indented, with readable non-ASCII text.</summary>
internal static class JsonOut
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(TextWriter output, JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static JsonObject Counts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var obj = new JsonObject();
        foreach (var (k, v) in counts)
        {
            obj[k] = v;
        }

        return obj;
    }

    public static JsonNode Record(Hindsight.History.HistoryRecord record) =>
        JsonNode.Parse(Hindsight.Canonical.CanonicalJson.Serialize(record))!;
}
