using Hindsight.Organisations;

namespace Hindsight.Application.Access;

/// <summary>Who a request comes from: the organisation and scope its key grants.</summary>
/// <param name="Organisation">The organisation the key acts for.</param>
/// <param name="Scope">What it may do.</param>
/// <param name="KeyId">The key's public id (never the secret).</param>
public sealed record Caller(Organisation Organisation, KeyScope Scope, string KeyId)
{
    /// <summary>Whether the caller may do what <paramref name="needed"/> allows.</summary>
    public bool May(KeyScope needed) => Scope >= needed;
}

/// <summary>A key as listed: everything but the secret.</summary>
/// <param name="Id">Its public id.</param>
/// <param name="Organisation">The organisation.</param>
/// <param name="Scope">read, write or admin.</param>
/// <param name="Name">What it is for.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked.</param>
public sealed record KeyFigure(string Id, string Organisation, string Scope, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new key: the whole key is shown this once and never again (only its hash is kept).</summary>
/// <param name="Key">The key to give to the client (<c>hs_ID_SECRET</c>).</param>
/// <param name="Figure">What is stored about it.</param>
public sealed record NewKey(string Key, KeyFigure Figure);
