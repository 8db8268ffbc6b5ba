using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Hindsight.Canonical;
using Hindsight.History;

namespace Hindsight.Storage.Backup;

/// <summary>
/// A portable, backend-neutral backup: gzip-compressed JSON Lines with a header line, one line per record
/// (organisation, kind, key and the canonical document) and an end line with the record count and a SHA-256 of
/// the documents, so that a truncated or altered backup is refused before anything is restored.
/// </summary>
public static class BackupFile
{
    private const string FormatName = "hindsight-backup";
    private const int Version = 1;

    /// <summary>Writes every record of the store to <paramref name="path"/> (atomically: a temporary file is renamed at the end).</summary>
    /// <returns>The number of records written.</returns>
    public static async Task<long> WriteAsync(IHistoryStore store, string path, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var temp = path + ".partial";
        long count = 0;
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            await using (var json = new Utf8JsonWriter(gzip))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                json.WriteStartObject();
                json.WriteString("format", FormatName);
                json.WriteNumber("version", Version);
                json.WriteString("created_at", clock.GetUtcNow().UtcDateTime.ToString("O"));
                json.WriteString("source", store.Description);
                json.WriteEndObject();
                NewLine(json, gzip);
                await foreach (var r in store.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    json.WriteStartObject();
                    json.WriteString("org", r.Organisation);
                    json.WriteString("kind", RecordKindText.Format(r.Kind));
                    json.WritePropertyName("doc");
                    json.WriteRawValue(r.Document.Span, skipInputValidation: true);
                    json.WriteEndObject();
                    NewLine(json, gzip);
                    sha.AppendData(r.Document.Span);
                    count++;
                }

                json.WriteStartObject();
                json.WriteBoolean("end", true);
                json.WriteNumber("records", count);
                json.WriteString("sha256", Convert.ToHexString(sha.GetHashAndReset()));
                json.WriteEndObject();
                NewLine(json, gzip);
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return count;
    }

    /// <summary>Replaces the store's content with the backup's, in one transaction; a damaged backup changes nothing.</summary>
    /// <exception cref="InvalidDataException">The file is not a Hindsight backup, or it is truncated or altered.</exception>
    public static Task<long> RestoreAsync(IHistoryStore store, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.RestoreAsync(ReadAsync(path, cancellationToken), cancellationToken);
    }

    /// <summary>Reads and verifies a backup's records; throws at the end if the count or checksum disagree.</summary>
    public static async IAsyncEnumerable<StoredRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var lineNo = 0;
        string? line;
        try
        {
            line = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: not a Hindsight backup (not gzip data): {ex.Message}", ex);
        }

        lineNo++;
        using (var header = Parse(line, path, lineNo))
        {
            if (!header.RootElement.TryGetProperty("format", out var f) || f.GetString() != FormatName)
            {
                throw new InvalidDataException($"{path}:1: not a Hindsight backup (expected format '{FormatName}')");
            }

            if (header.RootElement.GetProperty("version").GetInt32() > Version)
            {
                throw new InvalidDataException($"{path}:1: backup version is newer than this build of hindsight reads; upgrade hindsight");
            }
        }

        long count = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            lineNo++;
            using var doc = Parse(line, path, lineNo);
            var root = doc.RootElement;
            if (root.TryGetProperty("end", out _))
            {
                var expected = root.GetProperty("records").GetInt64();
                var hash = root.GetProperty("sha256").GetString();
                if (expected != count || !string.Equals(hash, Convert.ToHexString(sha.GetHashAndReset()), StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidDataException($"{path}: backup is damaged: it lists {expected} records and a checksum that do not match what it holds ({count} records); nothing was restored");
                }

                yield break;
            }

            var org = root.GetProperty("org").GetString() ?? throw new InvalidDataException($"{path}:{lineNo}: record without organisation");
            var kindText = root.GetProperty("kind").GetString();
            if (!RecordKindText.TryParse(kindText, out var kind))
            {
                throw new InvalidDataException($"{path}:{lineNo}: unknown record kind '{kindText}'");
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(root.GetProperty("doc").GetRawText());
            HistoryRecord record;
            try
            {
                record = CanonicalJson.Deserialize(kind, bytes);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNo}: record does not parse: {JsonErrorText.Describe(ex)}", ex);
            }

            sha.AppendData(bytes);
            count++;
            yield return new StoredRecord(org, kind, record.Key, record.At, bytes);
        }
    }

    private static JsonDocument Parse(string? line, string path, int lineNo)
    {
        if (line is null)
        {
            throw new InvalidDataException($"{path}: backup is truncated at line {lineNo} (no end marker); nothing was restored");
        }

        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}:{lineNo}: backup line is not JSON ({ex.Message}); nothing was restored", ex);
        }
    }

    private static void NewLine(Utf8JsonWriter json, Stream stream)
    {
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
    }
}
