using Hindsight.Agents;
using Hindsight.Application.Access;
using Hindsight.Application.Workspaces;

namespace Hindsight.Server.Access;

/// <summary>An assistant's access at <c>/mcp</c>: the organisation and scope of the request's API key.</summary>
internal sealed class KeyAgentAccess(IHttpContextAccessor accessor, HindsightEngine engine) : IAgentAccess
{
    /// <inheritdoc />
    public Workspace Workspace => engine.For(Caller.Organisation);

    /// <inheritdoc />
    public bool MayWrite => Caller.May(KeyScope.Write);

    /// <inheritdoc />
    public string HowToWrite => "connect with an API key of scope write (`hindsight keys create --org ORG --scope write`)";

    private Caller Caller => (accessor.HttpContext is { } http ? ApiKeyMiddleware.CallerOf(http) : null)
        ?? throw new InvalidOperationException("an agent tool ran outside an authenticated request");
}
