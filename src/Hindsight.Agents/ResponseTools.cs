using System.ComponentModel;
using Hindsight.Application.Learning;
using Hindsight.Application.Response;
using Hindsight.Application.Retrieval;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hindsight.Agents;

/// <summary>
/// Writing during a response, from the assistant's notes: the incident, its timeline, the hypotheses tried, and
/// judgements of search results. Each needs write permission (a key of scope write, or <c>hindsight mcp --allow-writes</c>).
/// </summary>
[McpServerToolType]
internal sealed class ResponseTools(IAgentAccess access)
{
    private const string NeedsWrite = " Needs write permission.";

    [McpServerTool(Name = "record_incident", Title = "Record an incident", Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(IncidentNoteResult))]
    [Description("Creates an incident from notes, or adds to one already stored under that id. A new incident needs a title; its start defaults to now. Fields given replace the stored ones; services, tags and responders given are added to the stored lists." + NeedsWrite)]
    public async Task<CallToolResult> RecordIncident(
        [Description("The incident id (the team's own key, e.g. INC-2041).")] string id,
        [Description("A one-line title.")] string? title = null,
        [Description("What is happening or happened, and the impact.")] string? summary = null,
        [Description("SEV0 (most severe) to SEV3.")] string? severity = null,
        [Description("Services affected.")] string[]? services = null,
        [Description("Free tags.")] string[]? tags = null,
        [Description("The owning team.")] string? team = null,
        [Description("The failure mode, if known (e.g. bad-deploy, certificate-expiry).")] string? failure_mode = null,
        [Description("When the impact began (ISO-8601).")] string? started_at = null,
        [Description("When it was detected (ISO-8601).")] string? detected_at = null,
        [Description("When a responder acknowledged it (ISO-8601).")] string? acknowledged_at = null,
        [Description("When the impact was mitigated (ISO-8601).")] string? mitigated_at = null,
        [Description("When it was resolved (ISO-8601).")] string? resolved_at = null,
        [Description("People responding, each with a name and optionally a role (incident_commander, communications, …).")] ResponderNote[]? responders = null,
        CancellationToken cancellationToken = default)
    {
        AgentAnswers.RequireWrite(access, "record_incident");
        var result = await access.Workspace.Response.NoteAsync(
            new IncidentNote(id, title, summary, severity, services, tags, team, failure_mode, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, responders),
            cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(result, AgentText.Noted(result));
    }

    [McpServerTool(Name = "add_timeline_entry", Title = "Add a timeline entry", Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(IncidentAnswer))]
    [Description("Adds an entry to a stored incident's timeline: what happened (an observation, a decision, an action) and when (default now)." + NeedsWrite)]
    public async Task<CallToolResult> AddTimelineEntry(
        [Description("The incident id.")] string id,
        [Description("What happened.")] string text,
        [Description("When it happened (ISO-8601); now if left out.")] string? at = null,
        CancellationToken cancellationToken = default)
    {
        AgentAnswers.RequireWrite(access, "add_timeline_entry");
        var incident = await access.Workspace.Response.AddTimelineEntryAsync(id, text, at, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(new IncidentAnswer(incident), $"Added to the timeline of {incident.Id}; it has {incident.Timeline.Count} entries.");
    }

    [McpServerTool(Name = "record_hypothesis", Title = "Record a hypothesis", Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(HypothesisResult))]
    [Description("Records a hypothesis the responders are trying on a stored incident: what they suspect, how they test it, and the outcome (untested, confirmed, rejected, inconclusive). Recording the same wording again updates its test and outcome, so note it first and record the outcome once tested. Confirmed over tested hypotheses is the adaptation success rate." + NeedsWrite)]
    public async Task<CallToolResult> RecordHypothesis(
        [Description("The incident id.")] string id,
        [Description("What is suspected, e.g. 'connection pool exhausted by the report job'.")] string hypothesis,
        [Description("How it was or will be tested.")] string? test = null,
        [Description("untested, confirmed, rejected or inconclusive.")] string? outcome = null,
        CancellationToken cancellationToken = default)
    {
        AgentAnswers.RequireWrite(access, "record_hypothesis");
        var result = await access.Workspace.Response.RecordHypothesisAsync(id, new HypothesisNote(hypothesis, test, outcome), cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(result, AgentText.Hypothesis(result));
    }

    [McpServerTool(Name = "record_feedback", Title = "Judge a search result", Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(FeedbackResult))]
    [Description("Tells the engine whether a result of search_similar_incidents or suggest_for_incident was really similar; it learns its ranking weights from these judgements at once. Give the query as query_incident (a stored incident's id) or query_text (the text searched for)." + NeedsWrite)]
    public async Task<CallToolResult> RecordFeedback(
        [Description("The id of the result judged.")] string result,
        [Description("true if it was really similar (helped), false if not.")] bool relevant,
        [Description("The stored incident the search was for.")] string? query_incident = null,
        [Description("Or the text that was searched for.")] string? query_text = null,
        [Description("Who judged, for the record.")] string? by = null,
        CancellationToken cancellationToken = default)
    {
        AgentAnswers.RequireWrite(access, "record_feedback");
        var feedback = await access.Workspace.Retrieval.FeedbackAsync(new FeedbackRequest(result, relevant, query_incident, query_text, by ?? "assistant"), cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(feedback, AgentText.Feedback(feedback));
    }

    [McpServerTool(Name = "confirm_failure_mode", Title = "Confirm a failure mode", Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ConfirmationResult))]
    [Description("Records what failure mode a stored incident really was, as a person confirmed it, beside what classify_failure_mode suggested (give the suggestion that was shown; otherwise the classifier is asked now). The confirmed mode becomes the incident's. Root-cause accuracy — how often suggestions were right — is measured from these." + NeedsWrite)]
    public async Task<CallToolResult> ConfirmFailureMode(
        [Description("The incident id.")] string id,
        [Description("The failure mode it really was, as a person confirmed it, e.g. bad-deploy.")] string failure_mode,
        [Description("The failure mode that was suggested and shown, if any.")] string? suggested = null,
        [Description("Who confirmed it, for the record.")] string? by = null,
        CancellationToken cancellationToken = default)
    {
        AgentAnswers.RequireWrite(access, "confirm_failure_mode");
        var result = await access.Workspace.Learning.ConfirmAsync(new ConfirmRequest(id, failure_mode, suggested, by ?? "assistant"), cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(result, AgentText.Confirmation(result));
    }
}
