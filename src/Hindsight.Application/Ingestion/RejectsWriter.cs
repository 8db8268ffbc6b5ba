using System.Text.Json;
using Hindsight.Import;
using Hindsight.Validation;

namespace Hindsight.Application.Ingestion;

/// <summary>Writes rejected records, with where and why, as JSON Lines; the file is created on the first reject.</summary>
internal sealed class RejectsWriter(string? path, bool append) : IDisposable
{
    private Utf8JsonWriter? _json;
    private FileStream? _file;

    public string? WrittenTo => _file is null ? null : path;

    public void Write(string input, ParsedRecord rejected)
    {
        if (path is null)
        {
            return;
        }

        if (_file is null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            _file = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
            _json = new Utf8JsonWriter(_file, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        _json!.WriteStartObject();
        _json.WriteString("file", input);
        _json.WriteNumber("line", rejected.Line);
        _json.WriteStartArray("errors");
        foreach (ValidationError e in rejected.Errors)
        {
            _json.WriteStartObject();
            _json.WriteString("field", e.Field);
            _json.WriteString("message", e.Message);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteString("record", rejected.Raw ?? "");
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _file!.WriteByte((byte)'\n');
    }

    public void Dispose()
    {
        _json?.Dispose();
        _file?.Dispose();
    }
}
