using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Tests.Import;

public sealed class CsvFormatTests
{
    [Fact]
    public void Canonical_ReadsListsAndTimes_AndRejectsBadRows()
    {
        var csv = """
            id,title,severity,services,started_at,resolved_at,root_cause
            A,"Checkout, down",SEV1,checkout;payments-db,2024-01-01T10:00:00Z,2024-01-01T11:00:00Z,pool exhausted
            B,Bad time,SEV2,api,not a time,,
            C,Bad sev,P9,api,2024-01-01T10:00:00Z,,
            """;

        var records = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), csv);

        var a = (Incident)records[0].Record!;
        Assert.Equal("Checkout, down", a.Title);
        Assert.Equal(["checkout", "payments-db"], a.Services);
        Assert.Equal(RootCauseKind.Technical, a.RootCauses.Single().Kind);
        Assert.Equal(2, records[0].Line);
        Assert.Equal(("started_at", 3), (records[1].Errors.Single().Field, records[1].Line));
        Assert.Equal("severity", records[2].Errors.Single().Field);
    }

    [Fact]
    public void PagerDuty_MapsPrioritiesAndAckSeconds()
    {
        var csv = """
            incident_number,description,service_name,team_name,priority_name,created_on,resolved_on,seconds_to_first_ack,urgency
            4711,Payments API 5xx,payments-api,payments,P1,2024-02-01T08:00:00Z,2024-02-01T09:30:00Z,240,high
            """;

        var i = (Incident)ImportTestKit.Read(new CsvFormat(CsvMapping.Load("pagerduty")), csv).Single().Record!;

        Assert.Equal("4711", i.Id);
        Assert.Equal(Severity.Sev1, i.Severity);
        Assert.Equal("payments", i.Team);
        Assert.Equal(TimeSpan.FromMinutes(4), i.AcknowledgedAt - i.StartedAt);
    }

    [Fact]
    public void MissingRequiredColumn_IsOneClearFileError()
    {
        var records = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("pagerduty")), "id,title\n1,x\n");

        var error = records.Single().Errors.Single().Message;
        Assert.Contains("incident_number", error, StringComparison.Ordinal);
        Assert.Contains("name another column mapping", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("columns: {id: a, title: b}", "started_at")]
    [InlineData("columns: {id: a, title: b, started_at: c, sevrity: d}", "sevrity")]
    [InlineData("colums: {}", "colums")]
    [InlineData("columns: [unclosed", "not valid YAML")]
    public void Mapping_Malformed_SaysWhatToFix(string yaml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => CsvMapping.Parse(yaml, "m.yaml"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedQuote_IsReportedAtItsLine_AndReadingResumesOnTheNext()
    {
        const string csv = "id,title,started_at\nC-1,\"first ok\",2024-01-01T00:00:00Z\nC-2,\"broken quote,2024-01-02T00:00:00Z\nC-3,third ok,2024-01-03T00:00:00Z\nC-4,\"multi\nline, \"\"quoted\"\"\",2024-01-04T00:00:00Z\n";

        var records = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), csv);

        Assert.Equal(4, records.Count);
        Assert.Equal(3, records[1].Line);
        Assert.Contains("a quote opened on line 3 is never closed", records[1].Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(["C-1", "C-3", "C-4"], records.Where(r => r.IsValid).Select(r => ((Incident)r.Record!).Id));
        Assert.Equal("multi\nline, \"quoted\"", ((Incident)records[3].Record!).Title);
        Assert.Equal(5, records[3].Line);
    }

    [Theory]
    [InlineData("C-1,5\" disk,2024-01-01T00:00:00Z")]
    [InlineData("C-1,\"closed\"trailing,2024-01-01T00:00:00Z")]
    public void StrayQuote_IsNamedWithItsField(string row)
    {
        var record = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), "id,title,started_at\n" + row + "\n").Single();

        Assert.False(record.IsValid);
        Assert.Contains("field 2 has a quote", record.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpacesAroundQuotedFields_ShortRows_BlankLines_AndCrLf()
    {
        const string csv = "id,title,started_at,severity\r\n\r\nA,  \"padded\"  ,2024-01-01T00:00:00Z\r\nB,short,2024-01-02T00:00:00Z\r\n";

        var records = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), csv);

        Assert.All(records, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        Assert.Equal("padded", ((Incident)records[0].Record!).Title);
        Assert.Null(((Incident)records[1].Record!).Severity);
    }

    [Fact]
    public void MultiLineFieldInAShortRow_IsAField_NotAnUnclosedQuote()
    {
        const string csv = "id,title,started_at,summary\nA,\"two\nlines\",2024-01-01T00:00:00Z\nB,next,2024-01-02T00:00:00Z\n";

        var records = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), csv);

        Assert.All(records, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        Assert.Equal("two\nlines", ((Incident)records[0].Record!).Title);
        Assert.Equal(4, records[1].Line);
    }

    [Fact]
    public void TabSeparated_IsReadByItsHeader()
    {
        var record = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), "id\ttitle\tstarted_at\nT-1\tDisk, full\t2024-01-01T00:00:00Z\n").Single();

        Assert.True(record.IsValid, string.Join("; ", record.Errors));
        Assert.Equal("Disk, full", ((Incident)record.Record!).Title);
    }

    [Fact]
    public void LineOverTheLimit_IsRejectedWithoutHoldingIt_AndReadingGoesOn()
    {
        var csv = "id,title,started_at\nA," + new string('x', 50_000) + ",2024-01-01T00:00:00Z\nB,ok,2024-01-02T00:00:00Z\n";

        var records = ImportTestKit.Read(new CsvFormat(CsvMapping.Load("canonical")), csv, ImportLimits.Default with { MaxRecordBytes = 10_000 });

        Assert.Contains("longer than 10,000 characters", records[0].Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(records[1].IsValid);
        Assert.Equal(3, records[1].Line);
    }
}
