namespace Hindsight.Import;

/// <summary>The input formats <c>hindsight ingest</c> reads.</summary>
public enum ImportFormat
{
    /// <summary>Pick by file extension and content.</summary>
    Auto,

    /// <summary>The canonical JSON Lines format (what <c>hindsight export</c> writes).</summary>
    Jsonl,

    /// <summary>CSV with a column mapping.</summary>
    Csv,

    /// <summary>A Markdown postmortem with YAML front matter.</summary>
    Markdown,

    /// <summary>Status-page incident records (id, title, impact, components, started_at, resolved_at, text).</summary>
    StatusPage,

    /// <summary>Bug-report records (id, title/description or text, created, duplicate_of).</summary>
    BugReports,

    /// <summary>Response logs as CSV: category, responder, department, asked_at, answered_at, question.</summary>
    Responses,

    /// <summary>PagerDuty's REST API incidents with their log entries.</summary>
    PagerDuty,

    /// <summary>Opsgenie's Alert API alerts.</summary>
    Opsgenie,

    /// <summary>Jira's REST search results (issues with their links and comments).</summary>
    Jira,

    /// <summary>incident.io's API v2 incidents.</summary>
    IncidentIo,
}
