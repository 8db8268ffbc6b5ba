using Hindsight.Organisations;

namespace Hindsight.Storage;

/// <summary>An API key as the store keeps it: never the secret, only its SHA-256.</summary>
/// <param name="Id">The key's public id (the part of the key before its secret).</param>
/// <param name="Organisation">The organisation the key acts for.</param>
/// <param name="Scope">read, write or admin.</param>
/// <param name="Name">What the key is for, for people.</param>
/// <param name="SecretHash">SHA-256 of the secret.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked; a revoked key opens nothing.</param>
public sealed record ApiKey(string Id, Organisation Organisation, string Scope, string? Name, ReadOnlyMemory<byte> SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
