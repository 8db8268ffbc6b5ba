using FsCheck;
using FsCheck.Fluent;
using Hindsight.History;
using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Tests.Import;

public sealed class JsonlFormatTests
{
    private const string Good = """{"id":"A","title":"ok","started_at":"2024-01-01T00:00:00Z"}""";

    [Fact]
    public void Read_MixedFile_AcceptsGoodLines_AndNamesEachBadLine()
    {
        var text = string.Join('\n',
            Good,
            """{"id":"B","title":"broken",""",
            """{"id":"C","started_at":"2024-01-01T00:00:00Z"}""",
            """{"id":"D","title":"t","started_at":"2024-01-02T00:00:00Z","resolved_at":"2024-01-01T00:00:00Z"}""",
            """{"id":"E","title":"t","started_at":"2024-01-01T00:00:00Z","severity":"SEV7"}""",
            "",
            """{"type":"deployment","id":"D1","service":"api","deployed_at":"2024-01-01T00:00:00Z"}""");

        var records = ImportTestKit.Read(new JsonlFormat(), text);

        Assert.Equal([1, 7], records.Where(r => r.IsValid).Select(r => r.Line));
        Assert.IsType<Deployment>(records.Single(r => r.Line == 7).Record);
        var bad = records.Where(r => !r.IsValid).ToDictionary(r => r.Line, r => r.Errors.Single());
        Assert.Equal([2, 3, 4, 5], bad.Keys.Order());
        Assert.StartsWith("malformed JSON", bad[2].Message, StringComparison.Ordinal);
        Assert.Equal("title", bad[3].Field);
        Assert.Equal("resolved_at", bad[4].Field);
        Assert.Contains("before started_at", bad[4].Message, StringComparison.Ordinal);
        Assert.Equal("severity", bad[5].Field);
        Assert.All(records.Where(r => !r.IsValid), r => Assert.False(string.IsNullOrEmpty(r.Raw)));
    }

    [Fact]
    public void Read_LineOverLimit_IsRejected_WithoutBufferingIt_AndReadingGoesOn()
    {
        var huge = "{\"id\":\"X\",\"title\":\"" + new string('x', 5_000) + "\"}";
        var records = ImportTestKit.Read(new JsonlFormat(), huge + "\n" + Good, new ImportLimits(MaxRecordBytes: 1_000));

        Assert.Contains("longer than", records[0].Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(records[1].IsValid);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void Read_TruncatedLastLine_IsRejected_AndCrLfAndBomAreHandled()
    {
        var records = ImportTestKit.Read(new JsonlFormat(), "\uFEFF" + Good + "\r\n" + Good.Replace("\"A\"", "\"B\"", StringComparison.Ordinal)[..30]);

        Assert.True(records[0].IsValid);
        Assert.False(records[1].IsValid);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void Read_NulByteInLine_IsRejectedAsBinary()
    {
        var records = ImportTestKit.Read(new JsonlFormat(), "{\"id\":\0}\n" + Good);

        Assert.Contains("binary", records[0].Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(records[1].IsValid);
    }

    [Fact]
    public void Read_NullListsAndUnknownType_AreHandled()
    {
        var records = ImportTestKit.Read(new JsonlFormat(), """
            {"id":"A","title":"t","started_at":"2024-01-01T00:00:00Z","services":null}
            {"type":"pager","id":"A"}
            """);

        Assert.Empty(((Incident)records[0].Record!).Services);
        Assert.Equal("type", records[1].Errors.Single().Field);
    }

    [Fact]
    public void LineReader_EveryChunking_GivesTheSameLines()
    {
        FsCheck.Fluent.Prop.ForAll((string[] lines) =>
            {
                var clean = (lines ?? []).Select(l => (l ?? "").Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)).ToArray();
                var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', clean) + "\n");
                using var reader = new LineReader(new TrickleStream(bytes), 1 << 20);
                var read = new List<string>();
                while (reader.TryReadLine(out var line, out _))
                {
                    read.Add(System.Text.Encoding.UTF8.GetString(line.Span));
                }

                var expected = clean.Select((c, n) => n == 0 && c.StartsWith('\uFEFF') ? c[1..] : c).ToList();
                return read.SequenceEqual(expected.Count == 0 ? [""] : expected);
            }).QuickCheckThrowOnFailure();
    }

    /// <summary>A stream that returns at most 3 bytes per read, to exercise buffer refills mid-line.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 3));
    }
}
