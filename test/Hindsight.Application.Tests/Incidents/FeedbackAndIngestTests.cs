using System.IO.Compression;
using System.Text;
using Hindsight.Application.Incidents;
using Hindsight.Application.Ingestion;
using Hindsight.Application.Retrieval;
using Hindsight.Errors;
using Hindsight.History;

namespace Hindsight.Application.Tests.Incidents;

/// <summary>Writing through the use cases: feedback with its defaults, ingest from streams, records checked before they are stored.</summary>
public sealed class FeedbackAndIngestTests
{
    private const string History = """
        {"id":"Q","title":"Checkout latency spike","services":["checkout"],"started_at":"2024-03-01T10:00:00Z","resolved_at":"2024-03-01T11:00:00Z"}
        {"id":"R","title":"Slow checkout responses","services":["checkout"],"started_at":"2024-02-01T10:00:00Z","resolved_at":"2024-02-01T10:40:00Z"}
        {"id":"X","title":"Checkout latency dashboard broken","services":["dashboards"],"started_at":"2024-01-01T10:00:00Z","resolved_at":"2024-01-01T12:00:00Z"}
        """;

    private static async Task IngestAsync(TestEngine t, string text, string name = "history.jsonl")
    {
        using var stream = new NonSeekable(Encoding.UTF8.GetBytes(text));
        var report = await t.Acme.Ingest.StreamAsync(stream, name, new IngestOptions());
        Assert.True(report.Complete, string.Join("; ", report.Problems));
    }

    [Fact]
    public async Task Ingest_FromANonSeekableStream_StoresAndIndexesAtOnce()
    {
        await using var t = TestEngine.Create();
        await IngestAsync(t, History);

        var found = await t.Acme.Retrieval.SimilarAsync(new SimilarRequest { Text = "checkout latency", Top = 3 });

        Assert.Equal(3, (await t.Acme.Incidents.StatsAsync()).Incidents);
        Assert.Contains(found.Similar, s => s.Id == "Q");
    }

    [Fact]
    public async Task Ingest_GzipStream_IsReadDecompressed_AndItsFormatPickedByTheInnerName()
    {
        await using var t = TestEngine.Create();
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("id,title,started_at\nC-1,first,2024-01-01T00:00:00Z\nC-2,second,2024-01-02T00:00:00Z\n"));
        }

        compressed.Position = 0;
        var report = await t.Acme.Ingest.StreamAsync(compressed, "export.csv.gz", new IngestOptions());

        Assert.Equal((Hindsight.Import.ImportFormat.Csv, 2L), (report.Format, report.Stored.Total));
    }

    [Fact]
    public async Task Feedback_TakesItsIdAndTimeFromTheEngine_AndLearnsAtOnce()
    {
        await using var t = TestEngine.Create();
        await IngestAsync(t, History);

        var done = await t.Acme.Retrieval.FeedbackAsync(new FeedbackRequest { QueryIncident = "Q", Result = "R", Relevant = true, By = "ana" });

        Assert.StartsWith("fb-20240331", done.Id, StringComparison.Ordinal);
        Assert.True(done.Changed);
        Assert.True(done.Examples > 0);
        Assert.Equal("feedback", (await t.Acme.Retrieval.WeightsAsync()).LearnedFrom);
    }

    [Fact]
    public async Task Feedback_NamingBothOrNeitherSearch_IsBadInput_AndAnUnknownResultIsNotFound()
    {
        await using var t = TestEngine.Create();
        await IngestAsync(t, History);

        var both = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Retrieval.FeedbackAsync(new FeedbackRequest { QueryIncident = "Q", QueryText = "x", Result = "R", Relevant = true }));
        var unknown = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Retrieval.FeedbackAsync(new FeedbackRequest { QueryIncident = "Q", Result = "NOPE", Relevant = true }));

        Assert.Equal(ErrorKind.BadInput, both.Error.Kind);
        Assert.Equal((ErrorKind.NotFound, "result"), (unknown.Error.Kind, unknown.Error.Field));
    }

    [Fact]
    public async Task Record_AnInvalidRecord_StoresNothingOfTheBatch()
    {
        await using var t = TestEngine.Create();
        var good = TestIncidents.Make("A");
        var bad = TestIncidents.Make("B") with { ResolvedAt = TestIncidents.T0.AddDays(-1) };

        var ex = await Assert.ThrowsAsync<HindsightException>(() => t.Acme.Incidents.RecordAsync([good, bad]));

        Assert.Equal((ErrorKind.BadInput, "resolved_at", "record 2"), (ex.Error.Kind, ex.Error.Field, ex.Error.Source));
        Assert.Equal(0, (await t.Acme.Incidents.StatsAsync()).Incidents);
    }

    [Fact]
    public async Task Record_IsSearchableAtOnce_AndListedNewestFirst_WithPaging()
    {
        await using var t = TestEngine.Create();
        await t.Acme.Incidents.RecordAsync([TestIncidents.Make("A", 0, "Disk full on log hosts"), TestIncidents.Make("B", 10, "Disk full again"), TestIncidents.Make("C", 20, "Certificate expired")]);

        var first = await t.Acme.Incidents.ListAsync(new IncidentFilter { Text = "disk", Limit = 1 });
        var second = await t.Acme.Incidents.ListAsync(new IncidentFilter { Text = "disk", Limit = 1, Cursor = first.NextCursor });

        Assert.Equal(["B"], first.Incidents.Select(i => i.Id));
        Assert.Equal(["A"], second.Incidents.Select(i => i.Id));
        Assert.Null(second.NextCursor);
        Assert.Equal(2, first.Matched);
        Assert.Equal("C", (await t.Acme.Retrieval.SimilarAsync(new SimilarRequest { Text = "certificate expired" })).Similar[0].Id);
    }

    [Fact]
    public async Task Organisations_NeverSeeEachOther()
    {
        await using var t = TestEngine.Create();
        await IngestAsync(t, History);
        var other = t.Engine.For(Orgs.Globex);

        Assert.Empty((await other.Retrieval.SimilarAsync(new SimilarRequest { Text = "checkout latency" })).Similar);
        var missing = await Assert.ThrowsAsync<HindsightException>(() => other.Incidents.GetAsync("Q"));
        Assert.Equal(ErrorKind.NotFound, missing.Error.Kind);
        Assert.Equal(0, (await other.Incidents.StatsAsync()).Incidents);
    }

    /// <summary>A request body: read once, front to back.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Length => throw new NotSupportedException();
    }
}
