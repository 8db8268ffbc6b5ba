using System.Text;
using System.Text.Json.Nodes;
using Hindsight.Generation;
using Hindsight.Import;
using Hindsight.Incidents;
using Hindsight.Postmortems;

namespace Hindsight.Tests.Postmortems;

public sealed class PostmortemDraftTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 2, 9, 14, 0, TimeSpan.Zero);

    [Fact]
    public void EveryGeneratedIncident_IngestsBackToTheSameFacts()
    {
        var incidents = HistoryGenerator.Generate(new GeneratorOptions(400, Seed: 5)).OfType<Incident>().ToList();
        Assert.NotEmpty(incidents);
        foreach (var incident in incidents)
        {
            var draft = PostmortemDraft.Write(incident, DraftContext.None);
            AssertRoundTrip(incident, draft);
            Assert.True(MovedToFrontMatter(draft).Count == 0, $"{incident.Id}: {string.Join(", ", MovedToFrontMatter(draft))} could not be written as sections\n{draft}");
        }
    }

    [Fact]
    public void AFullRecord_IsWrittenAsReadableSections_AndReadsBack()
    {
        var incident = Full();
        var draft = PostmortemDraft.Write(incident, DraftContext.None);
        AssertRoundTrip(incident, draft);

        // The facts a reader edits are sections, not front matter.
        var front = draft[..draft.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        foreach (var field in new[] { "title:", "summary:", "timeline:", "root_causes:", "actions:", "hypotheses:", "action_items:" })
        {
            Assert.DoesNotContain("\n" + field, front, StringComparison.Ordinal);
        }

        Assert.Contains("# Checkout timeouts from pool exhaustion", draft, StringComparison.Ordinal);
        Assert.Contains("- 2024-05-02 09:20 UTC — Error rate alert fires", draft, StringComparison.Ordinal);
        Assert.Contains("- **Organisational:** No owner for the connection-pool settings", draft, StringComparison.Ordinal);
        Assert.Contains("- Restarted checkout-api (did not help)", draft, StringComparison.Ordinal);
        Assert.Contains("- Killed long-running queries (helped) (by: Noah Brandt, at: 2024-05-02 10:02 UTC)", draft, StringComparison.Ordinal);
        Assert.Contains("- Network latency between zones — tested by: compared p99 across zones (rejected)", draft, StringComparison.Ordinal);
        Assert.Contains("### Regression test", draft, StringComparison.Ordinal);
        Assert.Contains("- [ ] Add statement timeouts (owner: Noah Brandt, due: 2024-05-20)", draft, StringComparison.Ordinal);
        Assert.Contains("- [x] Follow-ups are tracked action items", draft, StringComparison.Ordinal);
        Assert.Contains("Not a repeat", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void FactsASectionCannotCarry_MoveToTheFrontMatter()
    {
        var incident = Full() with
        {
            Title = "C# build broke #",
            Actions = [new ActionTaken("Rolled back (helped) the\nconfig", true)],
            ActionItems = [new ActionItem { Title = "Fix it (soon)", Owner = "Smith, J", DueAt = T0.AddDays(3) }],
        };
        var draft = PostmortemDraft.Write(incident, DraftContext.None);
        AssertRoundTrip(incident, draft);
        Assert.Equal(["title", "actions", "action_items"], MovedToFrontMatter(draft));
        Assert.DoesNotContain("## Actions taken", draft, StringComparison.Ordinal); // a moved field is edited in one place only
        Assert.Contains("> Kept in the front matter, to be edited there (a section could not carry them exactly): actions, action_items.", draft, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary", "Checkout failed.\n\n## Timeline\n\n- 2024-05-02 09:30 UTC — not a real entry")]
    [InlineData("summary", "Logs showed:\n\n```\nunclosed fence\n\n## Action items\n- [ ] not an item")]
    [InlineData("summary", "---\nid: OTHER\n---")]
    [InlineData("timeline", "two\nlines")]
    [InlineData("hypotheses", "Raised the pool (by: Ann)")]
    [InlineData("actions", "Increased pool size — by 50%")]
    public void TextThatLooksLikeStructure_StillReadsBack(string field, string text)
    {
        var incident = field switch
        {
            "summary" => Full() with { Summary = text, Timeline = [] },
            "timeline" => Full() with { Timeline = [new TimelineEntry(T0.AddMinutes(5), text)] },
            "hypotheses" => Full() with { Hypotheses = [new Hypothesis(text)] },
            _ => Full() with { Actions = [new ActionTaken(text, true)] },
        };
        AssertRoundTrip(incident, PostmortemDraft.Write(incident, DraftContext.None));
    }

    [Fact]
    public void DeeperHeadings_UnderActionItems_AreKinds_EvenWhenTheyNameASection()
    {
        var text = "---\nid: K-1\nstarted_at: 2024-05-02T09:14:00Z\n---\n# K\n## Action items\n### Response\n- [ ] Page sooner\n### Recover\n- [ ] Faster restore\n### Next steps\n- [ ] Something\n## Actions taken\n- Increased pool size — by 50%\n";
        var i = ReadBack(text, "K-1");
        Assert.Equal([(ActionItemKind.Respond, "Page sooner"), (ActionItemKind.Recover, "Faster restore"), (ActionItemKind.Prevent, "Something")], i.ActionItems.Select(a => (a.Kind, a.Title)));
        Assert.Equal(("Increased pool size — by 50%", (string?)null), (i.Actions[0].Description, i.Actions[0].By));
    }

    [Fact]
    public void ARepeat_AndSimilarIncidents_AreNamed()
    {
        var earlier = Full() with { Id = "INC-1", Title = "Pool exhausted in checkout", StartedAt = T0.AddDays(-30) };
        var similar = new Hindsight.Suggestions.SimilarIncident(earlier, 0.81, new Hindsight.Retrieval.MatchExplanation(new Dictionary<string, double>(), [], [], [], []));
        var draft = PostmortemDraft.Write(Full(), new DraftContext([similar], earlier));
        Assert.Contains("**This is a repeat:** it repeats the root cause of INC-1", draft, StringComparison.Ordinal);
        Assert.Contains("- INC-1 (2024-04-02, score 0.81): Pool exhausted in checkout — what helped: Killed long-running queries", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRecord_GivesTheSameText() =>
        Assert.Equal(PostmortemDraft.Write(Full(), DraftContext.None), PostmortemDraft.Write(Full(), DraftContext.None));

    [Fact]
    public void ABareRecord_SaysWhatIsStillToWrite()
    {
        var draft = PostmortemDraft.Write(new Incident { Id = "X-1", Title = "Something broke", StartedAt = T0 }, DraftContext.None);
        Assert.Contains("## Still to write", draft, StringComparison.Ordinal);
        Assert.Contains("- [ ] Follow-ups are tracked action items: no action item", draft, StringComparison.Ordinal);
        AssertRoundTrip(new Incident { Id = "X-1", Title = "Something broke", StartedAt = T0 }, draft);
    }

    internal static Incident Full() => new()
    {
        Id = "PM-2024-017",
        Title = "Checkout timeouts from pool exhaustion",
        Summary = "Checkout requests timed out for 86 minutes.\n\nAbout 4% of orders failed.",
        Severity = Severity.Sev1,
        Team = "payments",
        Services = ["checkout-api", "payments-db"],
        Tags = ["database", "timeouts"],
        FailureMode = "resource-exhaustion",
        StartedAt = T0,
        DetectedAt = T0.AddMinutes(6),
        AcknowledgedAt = T0.AddMinutes(8),
        MitigatedAt = T0.AddMinutes(50),
        ResolvedAt = T0.AddMinutes(86),
        Responders = [new Responder("Aiko Tanaka", "incident_commander"), new Responder("Noah Brandt")],
        RootCauses =
        [
            new RootCause(RootCauseKind.Technical, "Long-running report queries held every pooled connection"),
            new RootCause(RootCauseKind.Process, "The report job was not load-tested against production data"),
            new RootCause(RootCauseKind.Organisational, "No owner for the connection-pool settings"),
        ],
        Actions = [new ActionTaken("Restarted checkout-api", false), new ActionTaken("Killed long-running queries", true, T0.AddMinutes(48), "Noah Brandt"), new ActionTaken("Paged the DBA on call")],
        Hypotheses =
        [
            new Hypothesis("Network latency between zones", "compared p99 across zones", HypothesisOutcome.Rejected),
            new Hypothesis("Pool exhaustion", null, HypothesisOutcome.Confirmed),
            new Hypothesis("A bad deploy"),
        ],
        ActionItems =
        [
            new ActionItem { Title = "Add a regression test for pool limits", Kind = ActionItemKind.RegressionTest, Owner = "Aiko Tanaka", DueAt = T0.AddDays(10), Status = ActionItemStatus.InProgress },
            new ActionItem { Title = "Add statement timeouts", Kind = ActionItemKind.Prevent, Owner = "Noah Brandt", DueAt = new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero) },
            new ActionItem { Id = "AI-9", Title = "Alert on pool saturation", Kind = ActionItemKind.Detect, Owner = "Aiko Tanaka", DueAt = T0.AddDays(7), Status = ActionItemStatus.Done, CompletedAt = T0.AddDays(5), ExpectedEffect = 0.5 },
        ],
        Timeline = [new TimelineEntry(T0.AddMinutes(6), "Error rate alert fires"), new TimelineEntry(T0.AddMinutes(50).AddSeconds(12), "Queries killed; errors fall")],
        Deployments = ["dep-881"],
    };

    internal static Incident ReadBack(string draft, string id)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(draft));
        var parsed = new MarkdownFormat(id + ".md").Read(stream, ImportLimits.Default).Single();
        Assert.True(parsed.Record is Incident, $"the draft did not read back: {string.Join("; ", parsed.Errors.Select(e => e.Message))}\n{draft}");
        return (Incident)parsed.Record!;
    }

    /// <summary>The section fields the draft had to keep in its front matter.</summary>
    private static List<string> MovedToFrontMatter(string draft)
    {
        var front = draft[..draft.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        return [.. new[] { "title", "summary", "timeline", "root_causes", "actions", "hypotheses", "action_items" }.Where(f => front.Contains("\n" + f + ":", StringComparison.Ordinal))];
    }

    /// <summary>The canonical JSON of each, compared field by field (action items kind by kind, the order the draft groups them in).</summary>
    private static void AssertRoundTrip(Incident incident, string draft)
    {
        static JsonObject Json(Incident i)
        {
            var json = (JsonObject)JsonNode.Parse(Hindsight.Canonical.CanonicalJson.Serialize(i))!;
            if (json["action_items"] is JsonArray items)
            {
                json["action_items"] = new JsonArray([.. items.Select(n => n!.DeepClone()).OrderBy(n => Array.IndexOf(["prevent", "detect", "respond", "recover", "regression_test"], n!["kind"]?.GetValue<string>() ?? "prevent"))]);
            }

            return json;
        }

        var expected = Json(Hindsight.Canonical.RecordNormaliser.Normalise(incident));
        var actual = Json(ReadBack(draft, "other-name"));
        foreach (var field in expected.Select(p => p.Key).Union(actual.Select(p => p.Key)))
        {
            Assert.True(JsonNode.DeepEquals(expected[field], actual[field]),
                $"{incident.Id}: field {field} differs\nexpected {expected[field]?.ToJsonString()}\nactual   {actual[field]?.ToJsonString()}\n---\n{draft}");
        }
    }
}
