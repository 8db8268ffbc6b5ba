using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hindsight.Application.Serialization;

namespace Hindsight.Cli.Output;

/// <summary>Writes results to standard output as JSON, indented, with readable non-ASCII text, in the one result form of the engine.</summary>
internal static class JsonOut
{
    private static readonly JsonSerializerOptions Options = new(ResultJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, T value)
    {
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        output.WriteLine(JsonSerializer.Serialize(value, info));
    }
}
