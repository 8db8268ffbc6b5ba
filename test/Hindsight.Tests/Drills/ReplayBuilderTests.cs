using Hindsight.Drills;
using Hindsight.Generation;
using Hindsight.Import;
using Hindsight.Incidents;

namespace Hindsight.Tests.Drills;

public sealed class ReplayBuilderTests
{
    /// <summary>Every text a participant sees.</summary>
    private static IEnumerable<string> Visible(Exercise e) => [e.Title, e.Scenario, .. e.Trajectory.Select(t => t.Text)];

    private static void AssertNothingGivenAway(Incident incident)
    {
        var exercise = ReplayBuilder.From(incident);
        foreach (var secret in ReplayBuilder.Secrets(incident))
        {
            Assert.All(Visible(exercise), text => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal("replay", exercise.Kind);
        Assert.Equal(incident.Services.Order(StringComparer.Ordinal), exercise.Expected.BlastRadius);
    }

    [Fact]
    public void GeneratedIncidents_ReplayWithoutTheirAnswers()
    {
        var incidents = HistoryGenerator.Generate(new GeneratorOptions(300, Seed: 5)).OfType<Incident>().ToList();
        Assert.NotEmpty(incidents);
        foreach (var incident in incidents)
        {
            AssertNothingGivenAway(incident);
            var exercise = ReplayBuilder.From(incident);
            if (incident.RootCauses.Count > 0)
            {
                Assert.Equal(string.Join(" ", incident.RootCauses.Select(r => r.Description)), exercise.Expected.RootCause);
            }
        }
    }

    [Fact]
    public void Replay_KeepsOnlyTheTimelineBeforeMitigation()
    {
        var t0 = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var incident = new Incident
        {
            Id = "INC-1",
            Title = "Certificate expired on the gateway",
            StartedAt = t0,
            MitigatedAt = t0.AddMinutes(30),
            Services = ["gateway"],
            Summary = "The gateway certificate expired because renewal failed.",
            RootCauses = [new RootCause(RootCauseKind.Technical, "Renewal by cert-manager failed silently")],
            Actions = [new ActionTaken("Renewed the certificate by hand", true)],
            Timeline = [new TimelineEntry(t0.AddMinutes(2), "Errors rise on the gateway"), new TimelineEntry(t0.AddMinutes(25), "Renewed the certificate by hand"), new TimelineEntry(t0.AddMinutes(40), "All clear")],
        };

        var exercise = ReplayBuilder.From(incident);

        Assert.Equal(["gateway: alert fired", "Errors rise on the gateway"], exercise.Trajectory.Select(t => t.Text));
        Assert.DoesNotContain("Certificate", exercise.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Renewed the certificate by hand"], exercise.Expected.Remediation);
    }

    [SharedDataFact]
    public void RealIncidents_ReplayWithoutTheirAnswers()
    {
        foreach (var (file, format) in new (string, IRecordFormat)[] { ("github_status_incidents.jsonl", new StatusPageFormat()), ("dup_seamonkey.jsonl", new BugReportFormat()) })
        {
            using var stream = File.OpenRead(SharedData.PathOf(file));
            var incidents = format.Read(stream, ImportLimits.Default).Where(r => r.IsValid).Select(r => (Incident)r.Record!).ToList();
            Assert.NotEmpty(incidents);
            foreach (var incident in incidents)
            {
                AssertNothingGivenAway(incident);
            }
        }
    }
}
