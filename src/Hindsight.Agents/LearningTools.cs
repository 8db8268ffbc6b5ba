using System.ComponentModel;
using Hindsight.Application.Learning;
using Hindsight.Application.Postmortems;
using Hindsight.Application.Risks;
using Hindsight.Application.Silos;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hindsight.Agents;

/// <summary>After and before incidents: whether the organisation learns, failure modes, silos, risks, postmortems.</summary>
[McpServerToolType]
internal sealed class LearningTools(IAgentAccess access)
{
    [McpServerTool(Name = "learning_summary", Title = "Learning summary", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(LearningSummary))]
    [Description("Whether this organisation learns from its incidents, in a few lines: its maturity level (1 Reactive to 4 Self-evolving) with what holds it back and the next step, median time to resolve and detect with their trends, the recurrence rate, the learning-velocity score and the learning rates. Figures that the history cannot support are named as not measurable.")]
    public async Task<CallToolResult> Summary(CancellationToken cancellationToken = default)
    {
        var summary = await access.Workspace.Learning.SummaryAsync(cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(summary, string.Join("\n", summary.Lines));
    }

    [McpServerTool(Name = "classify_failure_mode", Title = "Classify the failure mode", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ClassificationResult))]
    [Description("Suggests the failure mode (the kind of failure, from the labels this organisation uses) of a stored incident (id) or a description (text), with the classifier's confidence. A suggestion for people to confirm, not a verdict. Give exactly one of id or text.")]
    public async Task<CallToolResult> Classify(
        [Description("The id of a stored incident.")] string? id = null,
        [Description("Or a description of the failure.")] string? text = null,
        [Description("How many failure modes to suggest.")] int top = 3,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id) == string.IsNullOrWhiteSpace(text))
        {
            return AgentAnswers.Error("Bad argument: give exactly one of id (a stored incident) or text (a description).");
        }

        var result = await access.Workspace.Learning.ClassifyAsync(
            new ClassifyTarget(string.IsNullOrWhiteSpace(id) ? null : id, string.IsNullOrWhiteSpace(text) ? null : text), top, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(result, AgentText.Classification(result));
    }

    [McpServerTool(Name = "find_knowledge_silos", Title = "Knowledge silos", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(IReadOnlyList<SiloFigure>))]
    [Description("Knowledge held by one person: for each tracked silo, who holds it, about what (category or service), how severe (level), the evidence (their share of the answers), and who else has answered. Useful to find whom to call and who else could help.")]
    public async Task<CallToolResult> Silos(
        [Description("Only silos about this category or service (case-insensitive).")] string? category = null,
        CancellationToken cancellationToken = default)
    {
        var silos = await access.Workspace.Silos.ListAsync(category, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(silos, AgentText.Silos(silos));
    }

    [McpServerTool(Name = "list_risks", Title = "Risk register", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(IReadOnlyList<RiskFigure>))]
    [Description("The organisation's risk register, highest priority first: each risk's level from probability and impact (low, medium, high), category, owner, mitigations, status and whether its review is overdue.")]
    public async Task<CallToolResult> Risks(
        [Description("Only risks of this level: low, medium or high.")] string? level = null,
        [Description("Only risks of this category.")] string? category = null,
        [Description("Only risks whose review is overdue.")] bool overdue_only = false,
        CancellationToken cancellationToken = default)
    {
        var risks = await access.Workspace.Risks.ListAsync(level, category, overdue_only, cancellationToken: cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(risks, AgentText.Risks(risks));
    }

    [McpServerTool(Name = "draft_postmortem", Title = "Draft a postmortem", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(PostmortemDraftResult))]
    [Description("Writes a blameless postmortem draft of a stored incident as Markdown, from its record: summary, impact, timeline, contributing factors by kind, what helped and what did not, hypotheses, action items by kind (prevent, detect, respond, recover, regression test), similar past incidents and whether this is a repeat, and the review checklist. The draft is in Hindsight's postmortem format: edited and ingested back, it updates the incident. Stores nothing.")]
    public async Task<CallToolResult> Draft(
        [Description("The incident id.")] string id,
        CancellationToken cancellationToken = default)
    {
        var draft = await access.Workspace.Postmortems.DraftAsync(id, cancellationToken).ConfigureAwait(false);
        return AgentAnswers.Of(draft, AgentText.Draft(draft));
    }

    [McpServerTool(Name = "review_postmortem", Title = "Review a postmortem", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(PostmortemReviewResult))]
    [Description("The review checklist of a postmortem: follow-ups are tracked action items (owner and due date), responders are named, severity follows the rubric, wording is blameless (no 'human error', 'careless', 'should have'), contributing factors and a timeline are written. Give the Markdown of a postmortem (markdown) or a stored incident's id.")]
    public async Task<CallToolResult> Review(
        [Description("A postmortem in Hindsight's Markdown format (as draft_postmortem writes it, possibly edited).")] string? markdown = null,
        [Description("Or the id of a stored incident.")] string? id = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(markdown) == string.IsNullOrWhiteSpace(id))
        {
            return AgentAnswers.Error("Bad argument: give exactly one of markdown (a postmortem's text) or id (a stored incident).");
        }

        var review = string.IsNullOrWhiteSpace(markdown)
            ? await access.Workspace.Postmortems.ReviewAsync(id!, cancellationToken).ConfigureAwait(false)
            : access.Workspace.Postmortems.Review(markdown);
        return AgentAnswers.Of(review, AgentText.Review(review));
    }
}
