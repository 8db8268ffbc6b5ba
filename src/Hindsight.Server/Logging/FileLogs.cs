using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hindsight.Server.Logging;

/// <summary>
/// The seed's log files in <c>LEARNING_LOG_DIR</c>: <c>operations.log</c> (every line at the configured level and above)
/// and <c>errors.log</c> (warnings and errors), one JSON object a line. Writing never throws.
/// </summary>
internal sealed class FileLogs : ILoggerProvider
{
    private readonly Sink? _operations;
    private readonly Sink? _errors;

    /// <summary>Logs into <paramref name="directory"/>; with none, a provider that writes nothing.</summary>
    public FileLogs(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        _operations = new Sink(Path.Combine(directory, "operations.log"));
        _errors = new Sink(Path.Combine(directory, "errors.log"));
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        _operations?.Dispose();
        _errors?.Dispose();
    }

    private bool Enabled => _operations is not null;

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = Line(level, category, message, exception);
        _operations?.Write(line);
        if (level >= LogLevel.Warning)
        {
            _errors?.Write(line);
        }
    }

    private static string Line(LogLevel level, string category, string message, Exception? exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", level.ToString());
            json.WriteString("category", category);
            json.WriteString("message", message);
            if (exception is not null)
            {
                json.WriteString("exception", $"{exception.GetType().Name}: {exception.Message}");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class FileLogger(FileLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && owner.Enabled;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }

    private sealed class Sink(string path) : IDisposable
    {
        private readonly Lock _gate = new();
        private StreamWriter? _writer;

        public void Write(string line)
        {
            lock (_gate)
            {
                try
                {
                    _writer ??= new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
                    _writer.WriteLine(line);
                }
                catch (IOException)
                {
                    _writer = null; // a full disk or a removed file: the next line tries again
                }
                catch (UnauthorizedAccessException)
                {
                    _writer = null;
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _writer?.Dispose();
                _writer = null;
            }
        }
    }
}
