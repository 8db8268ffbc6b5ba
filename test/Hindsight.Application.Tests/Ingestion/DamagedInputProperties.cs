using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Hindsight.Application.Ingestion;
using Hindsight.Import;
using Hindsight.Organisations;
using Hindsight.Testing;

namespace Hindsight.Application.Tests.Ingestion;

/// <summary>
/// Damaged inputs ingested into a real store: every run ends with a report, and what is stored is exactly the records
/// the reader accepted — nothing of a rejected record. CI-sized by default (HINDSIGHT_PROPERTY_CASES for more).
/// </summary>
public sealed class DamagedInputProperties
{
    public static TheoryData<string> Samples => [.. MutationSamples.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task WhatIsStored_IsExactlyWhatWasAccepted(string sample)
    {
        var (format, text) = MutationSamples.All[sample];
        var original = Encoding.UTF8.GetBytes(text);
        await using var t = TestEngine.Create();
        var run = 0;
        Prop.ForAll(Mutation.Arbitrary, mutations =>
            {
                var bytes = Mutation.ApplyAll(original, mutations);
                var accepted = format().Read(new MemoryStream(bytes), ImportLimits.Default).Where(r => r.IsValid)
                    .Select(r => (r.Record!.Kind, r.Record.Key)).ToHashSet();
                var workspace = t.Engine.For(Organisation.Parse($"run-{++run}"));
                var name = sample switch { "markdown" => "pm.md", "csv" => "in.csv", _ => "in.json" };
                var report = workspace.Ingest.StreamAsync(new MemoryStream(bytes), name, new IngestOptions { Format = FormatOf(sample), BatchSize = 2 })
                    .GetAwaiter().GetResult();
                using var exported = new StringWriter();
                workspace.Incidents.ExportAsync(exported).GetAwaiter().GetResult();
                var stored = exported.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Key).ToHashSet();
                var refusedWhole = report.Records == 0 && report.Problems.Any(p => p.Line == 0); // binary data: nothing of the file
                Assert.True(refusedWhole ? stored.Count == 0 : stored.SetEquals(accepted.Select(a => a.Key)),
                    $"stored [{string.Join(", ", stored.Order())}] but the reader accepted [{string.Join(", ", accepted.Select(a => a.Key).Order())}]; report: {report.Records} read, {report.Rejected} rejected, {string.Join("; ", report.Problems)}");
                return refusedWhole || report.Records >= accepted.Count;
            })
            .Check(Mutation.Config(Mutation.Cases(25)));
    }

    private static string Key(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static ImportFormat FormatOf(string sample) => sample switch
    {
        "jsonl" => ImportFormat.Jsonl,
        "csv" => ImportFormat.Csv,
        "markdown" => ImportFormat.Markdown,
        "status-page" => ImportFormat.StatusPage,
        "bug-reports" => ImportFormat.BugReports,
        "pagerduty" => ImportFormat.PagerDuty,
        "opsgenie" => ImportFormat.Opsgenie,
        "jira" => ImportFormat.Jira,
        "incident.io" => ImportFormat.IncidentIo,
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, "no such sample"),
    };
}
