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
