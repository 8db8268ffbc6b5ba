using Hindsight.Application.Workspaces;

namespace Hindsight.Agents;

/// <summary>The access of a local server: one organisation, writes allowed or not for the whole process.</summary>
/// <param name="workspace">The organisation's workspace.</param>
/// <param name="mayWrite">Whether the write tools may be used.</param>
public sealed class FixedAgentAccess(Workspace workspace, bool mayWrite) : IAgentAccess
{
    /// <inheritdoc />
    public Workspace Workspace { get; } = workspace;

    /// <inheritdoc />
    public bool MayWrite { get; } = mayWrite;

    /// <inheritdoc />
    public string HowToWrite => "start the server with `hindsight mcp --allow-writes`";
}
