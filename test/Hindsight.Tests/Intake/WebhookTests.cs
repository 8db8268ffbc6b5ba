using Hindsight.Errors;
using Hindsight.Incidents;
using Hindsight.Intake;
using Hindsight.Validation;

namespace Hindsight.Tests.Intake;

/// <summary>The four tools' published payloads (fixtures written from their documentation) folded into incidents.</summary>
public sealed class WebhookTests
{
    private static ReadOnlyMemory<byte> Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Intake", "Fixtures", name));

    private static Incident Replay(string tool, params string[] fixtures)
    {
        Incident? incident = null;
        foreach (var e in fixtures.SelectMany(f => Webhooks.Parse(tool, Fixture(f))))
        {
            incident = IncidentIntake.Apply(incident, e);
        }

        return incident!;
    }

    private static readonly DateTimeOffset Ten = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PagerDuty_Lifecycle_SetsTimesResponderNoteAndSeverity()
    {
        var i = Replay("pagerduty", "pagerduty-triggered.json", "pagerduty-acknowledged.json", "pagerduty-annotated.json", "pagerduty-priority-updated.json", "pagerduty-resolved.json");

        Assert.Equal("pagerduty-Q1ABC2DEF3GH45", i.Id);
        Assert.Equal("[FIRING:2] HighErrorRate checkout-api: 5xx ratio above 5%", i.Title);
        Assert.Equal(["checkout-api"], i.Services);
        Assert.Equal("Checkout Platform", i.Team);
        Assert.Equal((Ten, Ten.AddMinutes(4), Ten.AddMinutes(45)), (i.StartedAt, i.AcknowledgedAt!.Value, i.ResolvedAt!.Value));
        Assert.Equal(Severity.Sev2, i.Severity); // P1 at first, P2 after the priority change
        Assert.Contains(i.Responders, r => r.Name == "Dana Whitfield");
        Assert.Contains(i.Timeline, t => t.Text.Contains("Rolling back to v2.41.3", StringComparison.Ordinal));
        Assert.Empty(RecordValidator.Validate(i));
    }

    [Fact]
    public void SameEventTwice_ChangesNothing_AndOrderDoesNotMatter()
    {
        var once = Replay("pagerduty", "pagerduty-triggered.json", "pagerduty-acknowledged.json", "pagerduty-resolved.json");
        var twice = Replay("pagerduty", "pagerduty-triggered.json", "pagerduty-acknowledged.json", "pagerduty-acknowledged.json", "pagerduty-resolved.json", "pagerduty-resolved.json");
        var shuffled = Replay("pagerduty", "pagerduty-resolved.json", "pagerduty-triggered.json", "pagerduty-acknowledged.json");

        Assert.Equal(Hindsight.Canonical.CanonicalJson.Serialize(once), Hindsight.Canonical.CanonicalJson.Serialize(twice));
        Assert.Equal((once.StartedAt, once.AcknowledgedAt, once.ResolvedAt), (shuffled.StartedAt, shuffled.AcknowledgedAt, shuffled.ResolvedAt));
    }

    [Fact]
    public void Alertmanager_Group_IsOneIncident_FiringThenResolved()
    {
        var firing = Replay("alertmanager", "alertmanager-firing.json");
        var resolved = Replay("alertmanager", "alertmanager-firing.json", "alertmanager-resolved.json");

        Assert.Equal(firing.Id, resolved.Id);
        Assert.StartsWith("alertmanager-", firing.Id, StringComparison.Ordinal);
        Assert.StartsWith("HighErrorRate", firing.Title, StringComparison.Ordinal);
        Assert.Contains("checkout-api", firing.Services);
        Assert.Equal(Severity.Sev1, firing.Severity); // severity=critical
        Assert.Null(firing.ResolvedAt);
        Assert.Equal((Ten, Ten.AddMinutes(30)), (resolved.StartedAt, resolved.ResolvedAt!.Value));
        Assert.Empty(RecordValidator.Validate(resolved));
    }

    [Fact]
    public void Alertmanager_RepeatedFiringNotification_ChangesNothing_AndAFiringAfterResolutionReopens()
    {
        var once = Replay("alertmanager", "alertmanager-firing.json", "alertmanager-resolved.json");
        var repeated = Replay("alertmanager", "alertmanager-firing.json", "alertmanager-firing.json", "alertmanager-resolved.json", "alertmanager-firing.json");

        Assert.Equal(Hindsight.Canonical.CanonicalJson.Serialize(once), Hindsight.Canonical.CanonicalJson.Serialize(repeated)); // an old firing replayed does not reopen
        var again = IncidentIntake.Apply(once, new IntakeEvent("alertmanager", once.Id, IntakeAction.Trigger, Ten.AddHours(2)) { StartedAt = Ten.AddHours(2) });
        Assert.Null(again.ResolvedAt);
        Assert.Equal(Ten, again.StartedAt);
    }

    [Fact]
    public void Grafana_UsesTheSameShape_WithItsOwnKeyAndFolderTag()
    {
        var i = Replay("grafana", "grafana-firing.json", "grafana-resolved.json");

        Assert.StartsWith("grafana-", i.Id, StringComparison.Ordinal);
        Assert.Equal("DiskAlmostFull: Disk /data on storage-node-03 above 90% used", i.Title);
        Assert.Equal(["storage-node"], i.Services);
        Assert.Contains("folder:Storage", i.Tags);
        Assert.Equal(Severity.Sev3, i.Severity);
        Assert.Equal(TimeSpan.FromMinutes(20), i.ResolvedAt - i.StartedAt);
    }

    [Fact]
    public void Opsgenie_CreateAcknowledgeClose_ReadsMillisecondsAndNanoseconds()
    {
        var i = Replay("opsgenie", "opsgenie-create.json", "opsgenie-acknowledge.json", "opsgenie-close.json");

        Assert.Equal("opsgenie-6f2b9c41-8d3e-4a7f-b5c1-2e9d0a47f813-1772618400000", i.Id);
        Assert.Equal((Ten, Ten.AddMinutes(5), Ten.AddMinutes(40)), (i.StartedAt, i.AcknowledgedAt!.Value, i.ResolvedAt!.Value));
        Assert.Equal(Severity.Sev1, i.Severity);
        Assert.Equal(["payments-gateway"], i.Services);
        Assert.Equal("Payments", i.Team);
        Assert.Contains("timeouts", i.Tags);
    }

    [Theory]
    [InlineData("pagerduty", "not json")]
    [InlineData("pagerduty", "[]")]
    [InlineData("pagerduty", """{"event":{"event_type":"incident.triggered"}}""")]
    [InlineData("alertmanager", """{"status":"firing","alerts":[]}""")]
    [InlineData("alertmanager", """{"groupKey":"g","status":"sleeping","alerts":[{"startsAt":"2026-03-04T10:00:00Z"}]}""")]
    [InlineData("opsgenie", """{"action":"Create","alert":{}}""")]
    [InlineData("grafana", """{"groupKey":"g","status":"firing","alerts":[{"startsAt":"yesterday"}]}""")]
    public void MalformedPayload_IsBadInput_NamingTheToolAndField(string tool, string body)
    {
        var ex = Assert.Throws<HindsightException>(() => Webhooks.Parse(tool, System.Text.Encoding.UTF8.GetBytes(body)));

        Assert.Equal(ErrorKind.BadInput, ex.Error.Kind);
        Assert.Equal(tool + " webhook", ex.Error.Source);
    }

    [Fact]
    public void EventThatIsNotAboutAnIncident_IsIgnored() =>
        Assert.Empty(Webhooks.Parse("pagerduty", """{"event":{"event_type":"service.updated","occurred_at":"2026-03-04T10:00:00Z","data":{"id":"S1"}}}"""u8.ToArray()));
}
