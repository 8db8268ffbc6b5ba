using Hindsight.History;
using Hindsight.Import;

namespace Hindsight.Tests.Import;

public sealed class ResponseLogCsvFormatTests
{
    [Fact]
    public void Read_AcceptsHeaderAliases_GivesStableIds_AndRejectsBadTimes()
    {
        var csv = """
            topic,handler,team,question_time,response_time,subject
            billing,Ana,finance,2026-09-01T09:00:00Z,2026-09-01T09:20:00Z,"Invoice charged twice, why?"
            billing,Ana,finance,2026-09-02T09:00:00Z,,Refund?
            billing,Ana,finance,yesterday,,Refund?
            """;

        var records = ImportTestKit.Read(new ResponseLogCsvFormat(), csv);
        var again = ImportTestKit.Read(new ResponseLogCsvFormat(), csv);

        var first = (ResponseLog)records[0].Record!;
        Assert.Equal(("billing", "Ana", "finance"), (first.Category, first.Responder, first.Department));
        Assert.Equal("Invoice charged twice, why?", first.Question);
        Assert.Equal(TimeSpan.FromMinutes(20), first.AnsweredAt - first.AskedAt);
        Assert.Null(((ResponseLog)records[1].Record!).AnsweredAt);
        Assert.Equal(first.Id, ((ResponseLog)again[0].Record!).Id);
        Assert.NotEqual(first.Id, ((ResponseLog)records[1].Record!).Id);
        Assert.Equal(("asked_at", 4), (records[2].Errors.Single().Field, records[2].Line));
    }

    [Fact]
    public void Read_HeaderWithoutTheNeededColumns_SaysWhichAreMissing()
    {
        var record = ImportTestKit.Read(new ResponseLogCsvFormat(), "who,when\nAna,2026-01-01\n").Single();

        Assert.Contains("the header lacks category, responder, asked_at", record.Errors.Single().Message, StringComparison.Ordinal);
    }
}
