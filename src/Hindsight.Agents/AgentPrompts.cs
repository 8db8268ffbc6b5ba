using System.ComponentModel;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hindsight.Agents;

/// <summary>Prompts that put the organisation's memory in front of the model: triage from similar incidents, and a postmortem review.</summary>
[McpServerPromptType]
internal sealed class AgentPrompts(IAgentAccess access)
{
    [McpServerPrompt(Name = "incident_triage", Title = "Triage an incident from history")]
    [Description("What to check first during an incident, from the similar past incidents and the actions that helped in them, and whom to call. Give a stored incident's id or a description of what is happening.")]
    public async Task<GetPromptResult> Triage(
        [Description("A stored incident's id, or a description of what is happening.")] string incident,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(incident))
        {
            throw new McpProtocolException("incident: give a stored incident's id or a description of what is happening", McpErrorCode.InvalidParams);
        }

        var suggestion = await access.Workspace.Retrieval.SuggestAsync(incident, top: 5, cancellationToken: cancellationToken).ConfigureAwait(false);
        var stored = suggestion.For;
        var text = new StringBuilder();
        text.Append("You are helping the responders of a live incident. Be brief and concrete; every step should say what to look at and why.\n\n");
        text.Append(stored is null ? $"What is happening: {incident.Trim()}\n\n" : $"The incident:\n{AgentText.Incident(stored)}\n\n");
        text.Append("What this organisation's history says:\n").Append(AgentText.Suggestion(suggestion)).Append("\n\n");
        foreach (var s in suggestion.Similar.Where(s => s.Incident is not null).Take(3))
        {
            var causes = s.Incident!.RootCauses.Select(r => r.Description).Take(2).ToList();
            if (causes.Count > 0)
            {
                text.Append($"Root cause of {s.Id}: {string.Join("; ", causes)}\n");
            }
        }

        text.Append("\nPropose what to check first, in order: start with the actions that helped most reliably in the similar incidents and the root causes they had; ");
        text.Append("say which similar incident each step comes from; name whom to call if the first checks do not confirm a cause. ");
        text.Append("Record each hypothesis you test with record_hypothesis (if you may write), so the organisation learns which checks work.");
        return new GetPromptResult
        {
            Description = "Triage from similar past incidents and what helped",
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text.ToString() } }],
        };
    }

    [McpServerPrompt(Name = "postmortem_review", Title = "Review a postmortem draft")]
    [Description("Reviews a postmortem draft against the hygiene checklist (tracked action items, responders named, severity by the rubric, blameless wording, contributing factors, timeline) and asks for concrete fixes. Give the draft's Markdown.")]
    public GetPromptResult Review(
        [Description("The postmortem, in Hindsight's Markdown postmortem format (as draft_postmortem writes it).")] string draft)
    {
        var review = access.Workspace.Postmortems.Review(draft);
        var text = new StringBuilder();
        text.Append("Review this postmortem draft with its author. Keep it blameless: causes are conditions of the system and the organisation, not people's faults.\n\n");
        text.Append("The automated checklist found:\n").Append(AgentText.Review(review)).Append('\n');
        text.Append(review.Failed == 0
            ? "Every check is met. Look for what a checklist cannot see: is each action item specific enough to verify, and does it address a contributing factor?\n"
            : "For each unmet check, propose the exact change to the Markdown (the line to add or rewrite). Rewrite blaming sentences to describe what the system allowed and why the action made sense at the time.\n");
        text.Append("\nThe draft:\n\n").Append(draft);
        return new GetPromptResult
        {
            Description = $"Review of the postmortem of {review.Incident}: {review.Failed} unmet check(s)",
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text.ToString() } }],
        };
    }
}
