using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Tests.Import;

public sealed class MarkdownFormatTests
{
    private const string Postmortem = """
        ---
        id: PM-2024-017
        severity: SEV1
        services: [checkout-api, payments-db]
        team: payments
        failure_mode: connection-pool-exhaustion
        started_at: 2024-05-02T09:14:00Z
        resolved_at: 2024-05-02T10:40:00Z
        responders:
          - name: Aiko Tanaka
            role: incident_commander
        ---
        # Checkout timeouts from pool exhaustion

        ## Summary
        Checkout requests timed out for 86 minutes.

        ```
        # not a heading: inside a code fence
        ```

        ## Timeline
        - 09:14 Error rate rises on checkout-api
        - **09:21** Alert fires

        | Time | Event |
        | --- | --- |
        | 2024-05-02 10:40 UTC | Resolved |

        ## Root cause
        - Slow ledger queries exhausted the pool (max 50).
        - **Process:** query plans are not reviewed.

        ## Actions taken
        - Restarted checkout-api (did not help)
        - Killed long-running queries (helped)

        ## Action items
        - [x] Add statement timeouts (owner: @noah, due: 2024-05-20, kind: prevent)
        - [ ] Alert on pool saturation (owner: mia, kind: detection)
        """;

    [Fact]
    public void Read_Postmortem_FillsEveryPart()
    {
        var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), Postmortem).Single();

        Assert.True(record.IsValid, string.Join("; ", record.Errors));
        var i = (Incident)record.Record!;
        Assert.Equal("PM-2024-017", i.Id);
        Assert.Equal("Checkout timeouts from pool exhaustion", i.Title);
        Assert.StartsWith("Checkout requests timed out", i.Summary, StringComparison.Ordinal);
        Assert.Equal([RootCauseKind.Technical, RootCauseKind.Process], i.RootCauses.Select(r => r.Kind));
        Assert.Equal("query plans are not reviewed.", i.RootCauses[1].Description);
        Assert.Equal([false, true], i.Actions.Select(a => a.Helped));
        Assert.Equal("Restarted checkout-api", i.Actions[0].Description);
        Assert.Equal(ActionItemStatus.Done, i.ActionItems[0].Status);
        Assert.Equal("noah", i.ActionItems[0].Owner);
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero), i.ActionItems[0].DueAt);
        Assert.Equal(ActionItemKind.Detect, i.ActionItems[1].Kind);
        Assert.Equal("Add statement timeouts", i.ActionItems[0].Title);
        Assert.Equal(3, i.Timeline.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 9, 21, 0, TimeSpan.Zero), i.Timeline[1].At);
        Assert.Equal("Resolved", i.Timeline[2].Text);
        Assert.Equal("incident_commander", i.Responders.Single().Role);
    }

    [Fact]
    public void Read_WithoutFrontMatterId_UsesFileName()
    {
        var i = (Incident)ImportTestKit.Read(new MarkdownFormat("/x/2024-db-outage.md"), "---\nstarted_at: 2024-01-01T00:00:00Z\n---\n# DB outage\n").Single().Record!;

        Assert.Equal("2024-db-outage", i.Id);
        Assert.Equal("DB outage", i.Title);
    }

    [Theory]
    [InlineData("---\nseverity: SEV9\nstarted_at: 2024-01-01T00:00:00Z\n---\n# T\n", 2, "severity")]
    [InlineData("---\ntitle: t\nstarted_at: 2024-01-01T00:00:00Z\nresolved_at: 2023-01-01T00:00:00Z\n---\n", 1, "resolved_at")]
    [InlineData("---\ntitle: [unclosed\n---\n", 3, "")]
    public void Read_BadFrontMatter_NamesLineAndField(string text, int line, string field)
    {
        var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), text).Single();

        Assert.False(record.IsValid);
        Assert.Equal(line, record.Line);
        Assert.Equal(field, record.Errors[0].Field);
    }
}
