using System.ComponentModel;
using System.Text;
using Hindsight.Canonical;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hindsight.Agents;

/// <summary>What an assistant can read as context: an incident's canonical record and the learning summary.</summary>
[McpServerResourceType]
internal sealed class AgentResources(IAgentAccess access)
{
    [McpServerResource(UriTemplate = "incident://{id}", Name = "incident", Title = "Incident record", MimeType = "application/json")]
    [Description("An incident of this organisation as its canonical JSON record (the form Hindsight ingests and exports).")]
    public async Task<TextResourceContents> Incident(string id, CancellationToken cancellationToken = default)
    {
        var incident = await access.Workspace.Incidents.GetAsync(Uri.UnescapeDataString(id), cancellationToken).ConfigureAwait(false);
        return new TextResourceContents
        {
            Uri = "incident://" + Uri.EscapeDataString(incident.Id),
            MimeType = "application/json",
            Text = Encoding.UTF8.GetString(CanonicalJson.Serialize(incident with { Org = null })),
        };
    }

    [McpServerResource(UriTemplate = "report://summary", Name = "learning_summary", Title = "Learning summary", MimeType = "text/plain")]
    [Description("Whether this organisation learns from its incidents, in a few lines: maturity and its next step, time to resolve and detect with trends, recurrence, learning velocity, learning rates.")]
    public async Task<TextResourceContents> Summary(CancellationToken cancellationToken = default)
    {
        var summary = await access.Workspace.Learning.SummaryAsync(cancellationToken).ConfigureAwait(false);
        return new TextResourceContents { Uri = "report://summary", MimeType = "text/plain", Text = string.Join("\n", summary.Lines) };
    }
}
