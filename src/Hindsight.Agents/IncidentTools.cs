using System.ComponentModel;
using Hindsight.Application.Incidents;
using Hindsight.Application.Retrieval;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hindsight.Agents;

/// <summary>
/// During an incident: past incidents like this one and why, what helped and whom to call, and the records themselves.
/// Parameter names are the tools' argument names (snake_case, as in the HTTP API).
/// </summary>
[McpServerToolType]
internal sealed class IncidentTools(IAgentAccess access)
{
    [McpServerTool(Name = "search_similar_incidents", Title = "Search similar past incidents", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(SimilarResult))]
    [Description("Finds past incidents of this organisation most like a description of what is happening now, best first, with why each matched (shared services, error signatures, words, tags, and each signal's share of the score). Use it first during an incident; pass the ids to suggest_for_incident or get_incident.")]
    public async Task<CallToolResult> SearchSimilar(
        [Description("What is happening: symptoms, error messages, alert names, in any language.")] string text,
        [Description("Services affected, if known; matches on them count.")] string[]? services = null,
        [Description("How many to return (1 to 1000; 5 is plenty for a conversation).")] int top = 5,
        CancellationToken cancellationToken = default)
    {
        var result = await access.Workspace.Retrieval.SimilarAsync(new SimilarRequest(Text: text, Services: services, Top: top), cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(result, AgentText.Similar(result));
    }

    [McpServerTool(Name = "suggest_for_incident", Title = "Suggest actions and experts", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(SuggestionResult))]
    [Description("For a stored incident (id) or a description (text): the actions that helped in similar past incidents (with how reliably), the people who resolved them (whom to call), and for a stored incident its response-efficiency ratio (its time to resolve over that of similar incidents; below 1 is faster). Give exactly one of id or text.")]
    public async Task<CallToolResult> Suggest(
        [Description("The id of a stored incident.")] string? id = null,
        [Description("Or a description of what is happening.")] string? text = null,
        [Description("Services affected, with text.")] string[]? services = null,
        [Description("How many similar incidents to draw on (1 to 1000).")] int top = 10,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id) == string.IsNullOrWhiteSpace(text))
        {
            return AgentAnswers.Error("Bad argument: give exactly one of id (a stored incident) or text (a description).");
        }

        var request = string.IsNullOrWhiteSpace(id) ? new SimilarRequest(Text: text, Services: services, Top: top) : new SimilarRequest(Id: id, Top: top);
        var result = await access.Workspace.Retrieval.SuggestAsync(request, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(result, AgentText.Suggestion(result));
    }

    [McpServerTool(Name = "get_incident", Title = "Get an incident", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(IncidentAnswer))]
    [Description("One incident of this organisation with everything recorded: summary, severity, services, timestamps, root causes, responders, actions and whether they helped, hypotheses, action items, timeline.")]
    public async Task<CallToolResult> GetIncident(
        [Description("The incident id.")] string id,
        CancellationToken cancellationToken = default)
    {
        var incident = await access.Workspace.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(new IncidentAnswer(incident), AgentText.Incident(incident));
    }

    [McpServerTool(Name = "list_incidents", Title = "List incidents", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(IncidentPage))]
    [Description("Lists this organisation's incidents, newest first, filtered by service, severity, time range and words; one page at a time (pass next_cursor back as cursor for the next page).")]
    public async Task<CallToolResult> ListIncidents(
        [Description("Only incidents affecting this service.")] string? service = null,
        [Description("Only this severity: SEV0 (most severe) to SEV3.")] string? severity = null,
        [Description("Only incidents started at or after this time (ISO-8601 date or timestamp).")] string? since = null,
        [Description("Only incidents started before this time (ISO-8601 date or timestamp).")] string? until = null,
        [Description("Only incidents whose title, summary, services, tags or failure mode contain every one of these words.")] string? text = null,
        [Description("Page size (1 to 1000).")] int limit = 20,
        [Description("The next_cursor of the previous page.")] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var page = await access.Workspace.Incidents.ListAsync(new IncidentFilter
        {
            Services = service is null ? [] : [service],
            Severity = severity,
            Since = since,
            Until = until,
            Text = text,
            Limit = limit,
            Cursor = cursor,
        }, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(page, AgentText.Page(page));
    }
}
