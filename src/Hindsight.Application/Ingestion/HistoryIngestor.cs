using System.Threading.Channels;
using Hindsight.Import;
using Hindsight.Organisations;
using Hindsight.Storage;

namespace Hindsight.Application.Ingestion;

/// <summary>
/// Reads inputs (files, request bodies, any stream with a name) into one organisation of a store. The default mode commits valid records in batches (each committed batch is
/// durable) and writes rejected ones to a rejects file; strict mode writes a file in one transaction and rolls it
/// back if any record is rejected. Parsing and writing overlap: one thread reads, the caller's writes.
/// </summary>
/// <param name="store">The store to write into.</param>
/// <param name="organisation">The organisation to write into.</param>
internal sealed class HistoryIngestor(IHistoryStore store, Organisation organisation)
{
    private const int MaxProblemsKept = 200;

    /// <summary>Ingests one file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<IngestReport> IngestFileAsync(string path, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await IngestAsync(stream, path, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ingests one input; <paramref name="name"/> names it in messages and picks its format by extension.</summary>
    public async Task<IngestReport> IngestAsync(Stream input, string name, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        InputStream stream;
        try
        {
            stream = await InputStream.OpenAsync(input, 8192, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            return Unreadable(name, $"the file looks gzip-compressed but cannot be decompressed ({ex.Message})", options);
        }

        await using var opened = stream;
        var head = stream.Head;
        var path = name;
        var inner = stream.Gzip && name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name; // what was compressed
        var format = options.Format == ImportFormat.Auto ? ImportSource.Detect(inner, head) : options.Format;
        if (ImportSource.BinaryProblem(head) is { } binary)
        {
            return Unreadable(path, binary, options) with { Format = format };
        }

        var reader = ImportSource.For(format, inner, options.Mapping);
        var run = new Run(path, stream, options, progress);
        using var rejects = new RejectsWriter(options.RejectsPath, options.AppendRejects);
        var batches = Channel.CreateBounded<SerializedRecord[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var parsing = Task.Run(() => Parse(reader, run, rejects, batches.Writer, cancellationToken), cancellationToken);
        WriteCounts stored;
        var rolledBack = false;
        try
        {
            if (options.Strict)
            {
                await using var writer = await store.BeginWriteAsync(organisation, cancellationToken).ConfigureAwait(false);
                stored = await WriteAllAsync(writer, batches.Reader, run, commitEach: false, cancellationToken).ConfigureAwait(false);
                await parsing.ConfigureAwait(false);
                if (run.Rejected == 0)
                {
                    await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
                    run.Committed = stored.Total;
                    run.Report();
                }
                else
                {
                    rolledBack = true;
                    stored = default;
                }
            }
            else
            {
                stored = await WriteAllAsync(null, batches.Reader, run, commitEach: true, cancellationToken).ConfigureAwait(false);
                await parsing.ConfigureAwait(false);
            }
        }
        catch
        {
            batches.Writer.TryComplete();
            await Task.WhenAny(parsing).ConfigureAwait(false);
            throw;
        }

        return new IngestReport(path, format, run.Read, stored, run.Rejected, run.Problems, rolledBack, rejects.WrittenTo);
    }

    private async Task<WriteCounts> WriteAllAsync(IHistoryWriter? shared, ChannelReader<SerializedRecord[]> batches, Run run, bool commitEach, CancellationToken cancellationToken)
    {
        var total = default(WriteCounts);
        await foreach (var batch in batches.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (commitEach)
            {
                await using var writer = await store.BeginWriteAsync(organisation, cancellationToken).ConfigureAwait(false);
                total += await WriteRowsAsync(writer, batch, cancellationToken).ConfigureAwait(false);
                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
                run.Committed = total.Total;
                run.Report();
            }
            else
            {
                total += await WriteRowsAsync(shared!, batch, cancellationToken).ConfigureAwait(false);
            }
        }

        return total;
    }

    private static Task<WriteCounts> WriteRowsAsync(IHistoryWriter writer, SerializedRecord[] rows, CancellationToken cancellationToken) =>
        writer.WriteAsync(rows, cancellationToken);

    private async Task Parse(IRecordFormat reader, Run run, RejectsWriter rejects, ChannelWriter<SerializedRecord[]> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<SerializedRecord>(run.Options.BatchSize);
            foreach (var item in Guarded(() => reader.Read(run.Stream, run.Options.Limits)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Read++;
                var parsed = item;
                var record = parsed.Record;
                if (parsed.IsValid && record!.Org is { } org && org != organisation.Name)
                {
                    parsed = ParsedRecord.Invalid(parsed.Line, "org", $"the record belongs to organisation '{org}' but this ingest writes '{organisation}'; ingest it into organisation '{org}'");
                }

                if (!parsed.IsValid)
                {
                    run.Reject(parsed);
                    rejects.Write(run.File, parsed);
                    continue;
                }

                batch.Add(SerializedRecord.From(record!, parsed.Document));
                if (batch.Count >= run.Options.BatchSize)
                {
                    await output.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
                    batch = new List<SerializedRecord>(run.Options.BatchSize);
                    run.Report();
                }
            }

            if (batch.Count > 0)
            {
                await output.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
            }

            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
    }

    /// <summary>
    /// The reader's records, ending with one whole-file reject if reading fails — when the reader is made or while it
    /// reads: no input, however broken, ends a run with an exception, and what was read before the failure keeps its
    /// own outcome.
    /// </summary>
    private static IEnumerable<ParsedRecord> Guarded(Func<IEnumerable<ParsedRecord>> read)
    {
        IEnumerator<ParsedRecord>? items = null;
        var last = 0;
        try
        {
            while (true)
            {
                var (next, failed) = Next(ref items, read, last);
                if (next is null)
                {
                    yield break;
                }

                last = Math.Max(last, next.Line);
                yield return next;
                if (failed)
                {
                    yield break;
                }
            }
        }
        finally
        {
            items?.Dispose();
        }
    }

    /// <summary>The reader's next record (null at its end), or a whole-file reject when the reader throws.</summary>
    private static (ParsedRecord? Record, bool Failed) Next(ref IEnumerator<ParsedRecord>? items, Func<IEnumerable<ParsedRecord>> read, int last)
    {
        try
        {
            items ??= read().GetEnumerator();
            return (items.MoveNext() ? items.Current : null, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            var after = last > 0 ? $"after line {last:N0} " : "";
            return (ParsedRecord.Invalid(last + 1, "", $"could not read the file {after}({ex.Message}); the records before this point kept their outcome, nothing after it was read"), true);
        }
    }

    /// <summary>The report of a file rejected whole (its reason in the rejects file too): nothing of it is stored.</summary>
    internal static IngestReport Unreadable(string file, string reason, IngestOptions options)
    {
        using (var rejects = new RejectsWriter(options.RejectsPath, options.AppendRejects))
        {
            rejects.Write(file, ParsedRecord.Invalid(0, "", reason));
        }

        return IngestReport.Unreadable(file, reason) with { RejectsFile = options.RejectsPath, RolledBack = options.Strict };
    }

    /// <summary>The counters of one file's ingest, shared by the reading and the writing side.</summary>
    private sealed class Run(string file, InputStream stream, IngestOptions options, IProgress<IngestProgress>? progress)
    {
        private readonly List<ImportProblem> _problems = [];
        private long _rejected;
        private long _committed;

        public string File => file;

        public Stream Stream => stream;

        public IngestOptions Options => options;

        public long Read { get; set; }

        public long Rejected => Interlocked.Read(ref _rejected);

        public long Committed
        {
            get => Interlocked.Read(ref _committed);
            set => Interlocked.Exchange(ref _committed, value);
        }

        public IReadOnlyList<ImportProblem> Problems
        {
            get
            {
                lock (_problems)
                {
                    return [.. _problems];
                }
            }
        }

        public void Reject(ParsedRecord parsed)
        {
            Interlocked.Increment(ref _rejected);
            lock (_problems)
            {
                foreach (var e in parsed.Errors)
                {
                    if (_problems.Count < MaxProblemsKept)
                    {
                        _problems.Add(new ImportProblem(file, parsed.Line, e.Field, e.Message));
                    }
                }
            }
        }

        public void Report() => progress?.Report(new IngestProgress(file, stream.Consumed, stream.Total, Committed, Rejected));
    }
}
