using Hindsight.Application.Access;

namespace Hindsight.Server.Access;

/// <summary>Endpoint metadata: the scope a key needs to call the endpoint.</summary>
/// <param name="Scope">The scope.</param>
public sealed record RequiredScope(KeyScope Scope);

/// <summary>Declaring the scope an endpoint needs.</summary>
public static class RequiredScopeExtensions
{
    /// <summary>The endpoint needs a key of at least <paramref name="scope"/>.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, KeyScope scope)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new RequiredScope(scope));
        return builder;
    }
}
