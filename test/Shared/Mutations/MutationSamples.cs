using Hindsight.Import;
using Hindsight.Import.Vendors;

namespace Hindsight.Testing;

/// <summary>A small valid input of each format.</summary>
public static class MutationSamples
{
    /// <summary>Format name → its reader and a valid input.</summary>
    public static readonly Dictionary<string, (Func<IRecordFormat> Format, string Text)> All = new(StringComparer.Ordinal)
    {
        ["jsonl"] = (() => new JsonlFormat(), """
            {"id":"A-1","title":"Checkout timeouts","severity":"SEV1","services":["checkout"],"started_at":"2024-05-02T09:14:00Z","resolved_at":"2024-05-02T10:40:00Z","root_causes":[{"kind":"technical","description":"pool exhausted"}]}
            {"type":"deployment","id":"D-1","service":"checkout","deployed_at":"2024-05-02T09:00:00Z"}
            {"id":"A-2","title":"Disk full","started_at":"2024-05-03T01:00:00Z","timeline":[{"at":"2024-05-03T01:05:00Z","text":"paged"}]}
            """),
        ["csv"] = (() => new CsvFormat(CsvMapping.Load("canonical")), """"
            id,title,severity,services,started_at,resolved_at,root_cause
            A,"Checkout, down",SEV1,checkout;payments-db,2024-01-01T10:00:00Z,2024-01-01T11:00:00Z,pool exhausted
            B,"multi
            line ""quoted""",SEV2,api,2024-01-02T10:00:00Z,,
            C,plain,SEV3,api,2024-01-03T10:00:00Z,,
            """"),
        ["markdown"] = (() => new MarkdownFormat("pm.md"), """
            ---
            id: PM-1
            severity: SEV2
            services: [checkout, ledger]
            started_at: 2024-05-02T09:14:00Z
            ---
            # Checkout timeouts

            ## Summary
            Checkout requests timed out for 86 minutes.

            ## Timeline
            - 09:14 Error rate rises
            - 09:21 Alert fires

            ## Root cause
            - **Technical:** slow queries exhausted the pool

            ## Action items
            - [ ] Add statement timeouts (owner: noah, due: 2024-05-20)
            """),
        ["status-page"] = (() => new StatusPageFormat(), """
            {"id": "1", "title": "Degraded Actions", "impact": "minor", "components": ["Actions"], "started_at": "2022-03-25T15:31:00Z", "resolved_at": "2022-03-25T16:03:00Z", "text": "Jobs were delayed."}
            {"id": "2", "title": "Pages down", "impact": "major", "components": ["Pages"], "started_at": "2022-03-26T15:31:00Z", "resolved_at": null, "text": "Sites returned 503."}
            """),
        ["bug-reports"] = (() => new BugReportFormat(), """
            {"id": "100", "title": "Crash on startup", "description": "The browser crashes when opened.", "created": "2003-01-01T10:00:00Z", "duplicate_of": null}
            {"id": "101", "title": "Startup crash", "description": "Crashes at launch.", "created": "2003-01-02T10:00:00Z", "duplicate_of": "100"}
            """),
        ["pagerduty"] = (() => new PagerDutyExport(), Vendor("pagerduty-incidents.json")),
        ["opsgenie"] = (() => new OpsgenieExport(), Vendor("opsgenie-alerts.json")),
        ["jira"] = (() => new JiraExport(), Vendor("jira-search.json")),
        ["incident.io"] = (() => new IncidentIoExport(), Vendor("incidentio-incidents.json")),
    };

    private static string Vendor(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Vendors", name));
}
