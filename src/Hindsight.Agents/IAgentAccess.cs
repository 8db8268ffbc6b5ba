using Hindsight.Application.Workspaces;

namespace Hindsight.Agents;

/// <summary>
/// Whose history an assistant's call reads and whether it may write: fixed for a <c>hindsight mcp</c> process (its
/// <c>--org</c> and <c>--allow-writes</c>), taken from the API key of each request at <c>/mcp</c>.
/// </summary>
public interface IAgentAccess
{
    /// <summary>The workspace of the caller's organisation.</summary>
    Workspace Workspace { get; }

    /// <summary>Whether the caller may use the write tools.</summary>
    bool MayWrite { get; }

    /// <summary>How to get write permission, for the refusal.</summary>
    string HowToWrite { get; }
}

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
