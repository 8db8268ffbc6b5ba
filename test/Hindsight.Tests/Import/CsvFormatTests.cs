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
}
