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

    [Fact]
    public void Read_EveryHeadingLevel_TildeFences_SetextTitle_Tables()
    {
        const string text = """
            ---
            id: PM-9
            started_at: 2024-05-02T09:14:00Z
            ---
            Queue backlog on the indexer
            ============================

            #### Summary ####
            The indexer fell behind for an hour.

            ~~~
            ## Root cause
            not a heading: inside a tilde fence
            ~~~

            ###### Root cause
            * Consumer lag after a **rebalance** storm

            ### Actions taken

            | Action | Outcome |
            |--------|---------|
            | Paused the batch job | helped |
            | Added consumers | did not help |
            """;

        var i = (Incident)ImportTestKit.Read(new MarkdownFormat("pm.md"), text).Single().Record!;

        Assert.Equal("Queue backlog on the indexer", i.Title);
        Assert.StartsWith("The indexer fell behind", i.Summary, StringComparison.Ordinal);
        Assert.Contains("inside a tilde fence", i.Summary, StringComparison.Ordinal);
        Assert.Equal("Consumer lag after a **rebalance** storm", i.RootCauses.Single().Description);
        Assert.Equal(["Paused the batch job — helped", "Added consumers — did not help"], i.Actions.Select(a => a.Description));
    }

    [Fact]
    public void Read_UnclosedFrontMatter_IsNamedAsSuch()
    {
        var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), "---\nid: A-2\nstarted_at: 2024-05-02T09:14:00Z\n# T\n## Summary\nx\n").Single();

        Assert.False(record.IsValid);
        Assert.Contains("front matter opened with '---' on line 1 is never closed", record.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\nservices: [a, b\nstarted_at: 2024-05-02T09:14:00Z\n---\n# T\n")]
    [InlineData("---\nservices: {a: [b, {c\n---\n# T\n")]
    [InlineData("---\nid: a\nid: b\n---\n# T\n")]
    public void Read_YamlTheParserChokesOn_IsAFrontMatterError(string text)
    {
        var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), text).Single();

        Assert.False(record.IsValid);
        Assert.Contains("front matter is not valid YAML", record.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeeplyNestedFlowYaml_IsRefusedBeforeItCanExhaustTheStack()
    {
        var text = "---\ntags: " + new string('[', 200_000) + "\n---\n# T\n";

        var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), text).Single();

        Assert.False(record.IsValid);
        Assert.Contains("nested more than", record.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NarrativeWithoutAStartTime_IsUndated_AndSiteKeysAreDroppedOrMapped()
    {
        const string text = """
            ---
            layout: post
            author: Sam
            description: The cache node ran out of memory.
            service: cache
            ---
            # Cache outage
            ## What happened
            Evictions spiked.
            """;

        var record = ImportTestKit.Read(new MarkdownFormat("2019-cache.md"), text).Single();

        Assert.True(record.IsValid, string.Join("; ", record.Errors));
        var i = (Incident)record.Record!;
        Assert.True(i.Undated);
        Assert.Null(i.At);
        Assert.Equal("The cache node ran out of memory.", i.Summary);
        Assert.Equal(["cache"], i.Services);
        Assert.Null(i.Durations.TimeToResolve);
    }

    [Fact]
    public void Read_DateFrontMatter_IsTheStart()
    {
        var i = (Incident)ImportTestKit.Read(new MarkdownFormat("pm.md"), "---\ndate: 2021-03-04\n---\n# Outage\n").Single().Record!;

        Assert.False(i.Undated);
        Assert.Equal(new DateTimeOffset(2021, 3, 4, 0, 0, 0, TimeSpan.Zero), i.StartedAt);
    }

    [Theory]
    [InlineData("---\ndate: 2021-03-04\nstarted_at: 2021-03-05T00:00:00Z\ndescription: d\nsummary: s\n---\n# T\n")]
    [InlineData("---\nstarted_at: 2021-03-05T00:00:00Z\nteam: NaN\ntitle: Infinity\n---\n# T\n")]
    public void Read_AliasBesideItsField_OrNonFiniteNumbers_AreStillRead(string text)
    {
        var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), text).Single();

        Assert.True(record.IsValid, string.Join("; ", record.Errors));
        Assert.Equal(new DateTimeOffset(2021, 3, 5, 0, 0, 0, TimeSpan.Zero), ((Incident)record.Record!).StartedAt);
    }

    [Fact]
    public void Read_AliasesOfAliases_AndDeepBlockNesting_AreRefused()
    {
        var bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(0, 8).Select(n => $"{(char)('b' + n)}: &{(char)('b' + n)} [*{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}, *{(char)('a' + n)}]\n")) + "---\n# T\n";
        var deep = "---\ntags:\n" + string.Concat(Enumerable.Repeat("- ", 5_000)) + "x\n---\n# T\n";

        foreach (var text in new[] { bomb, deep })
        {
            var record = ImportTestKit.Read(new MarkdownFormat("pm.md"), text).Single();

            Assert.False(record.IsValid);
            Assert.Contains("front matter is not valid YAML", record.Errors.Single().Message, StringComparison.Ordinal);
        }
    }
}
