using System.Threading.Channels;
using Hindsight.History;
using Hindsight.Import;

namespace Hindsight.Storage.Ingestion;

/// <summary>
/// Reads input files into a store. The default mode commits valid records in batches (each committed batch is
/// durable) and writes rejected ones to a rejects file; strict mode writes a file in one transaction and rolls it
/// back if any record is rejected. Parsing and writing overlap: one thread reads, the caller's writes.
/// </summary>
/// <param name="store">The store to write into.</param>
public sealed class HistoryIngestor(IHistoryStore store)
{
    private const int MaxProblemsKept = 200;

    /// <summary>Ingests one file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public async Task<IngestReport> IngestFileAsync(string path, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[Math.Min(8192, stream.Length)];
        stream.ReadExactly(head);
        stream.Position = 0;
        var format = options.Format == ImportFormat.Auto ? ImportSource.Detect(path, head) : options.Format;
        if (ImportSource.BinaryProblem(head) is { } binary)
        {
            var problem = new ImportProblem(path, 0, "", binary);
            return new IngestReport(path, format, 0, default, 1, [problem], options.Strict, null);
        }

        var reader = ImportSource.For(format, path, options.Mapping);
        var run = new Run(path, stream, options, progress);
        using var rejects = new RejectsWriter(options.RejectsPath, options.AppendRejects);
        var batches = Channel.CreateBounded<RecordRow[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var parsing = Task.Run(() => Parse(reader, run, rejects, batches.Writer, cancellationToken), cancellationToken);
        WriteCounts stored;
        var rolledBack = false;
        try
        {
            if (options.Strict)
            {
                await using var writer = await store.BeginWriteAsync(options.Organisation, cancellationToken).ConfigureAwait(false);
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

    private async Task<WriteCounts> WriteAllAsync(IHistoryWriter? shared, ChannelReader<RecordRow[]> batches, Run run, bool commitEach, CancellationToken cancellationToken)
    {
        var total = default(WriteCounts);
        await foreach (var batch in batches.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (commitEach)
            {
                await using var writer = await store.BeginWriteAsync(run.Options.Organisation, cancellationToken).ConfigureAwait(false);
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

    private static Task<WriteCounts> WriteRowsAsync(IHistoryWriter writer, RecordRow[] rows, CancellationToken cancellationToken) =>
        writer is IRowWriter fast
            ? fast.WriteRowsAsync(rows, cancellationToken)
            : throw new InvalidOperationException($"{writer.GetType().Name} cannot take serialised rows");

    private static async Task Parse(IRecordFormat reader, Run run, RejectsWriter rejects, ChannelWriter<RecordRow[]> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<RecordRow>(run.Options.BatchSize);
            foreach (var item in reader.Read(run.Stream, run.Options.Limits))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Read++;
                var parsed = item;
                var record = parsed.Record;
                if (parsed.IsValid && record!.Org is { } org && org != run.Options.Organisation)
                {
                    parsed = ParsedRecord.Invalid(parsed.Line, "org", $"the record belongs to organisation '{org}' but this ingest writes '{run.Options.Organisation}'; ingest it with --org {org}");
                }

                if (!parsed.IsValid)
                {
                    run.Reject(parsed);
                    rejects.Write(run.File, parsed);
                    continue;
                }

                batch.Add(RecordRow.From(record!, parsed.Document));
                if (batch.Count >= run.Options.BatchSize)
                {
                    await output.WriteAsync([.. batch], cancellationToken).ConfigureAwait(false);
                    batch = new List<RecordRow>(run.Options.BatchSize);
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

    /// <summary>The counters of one file's ingest, shared by the reading and the writing side.</summary>
    private sealed class Run(string file, Stream stream, IngestOptions options, IProgress<IngestProgress>? progress)
    {
        private readonly long _length = stream.CanSeek ? stream.Length : 0;
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

        public void Report() => progress?.Report(new IngestProgress(file, SafePosition(), _length, Committed, Rejected));

        private long SafePosition()
        {
            try
            {
                return stream.CanSeek ? stream.Position : 0;
            }
            catch (ObjectDisposedException)
            {
                return _length;
            }
        }
    }
}
