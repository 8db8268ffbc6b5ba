using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Hindsight.Errors;
using Hindsight.Organisations;
using Hindsight.Storage;

namespace Hindsight.Application.Access;

/// <summary>
/// API keys and organisation settings. A key is <c>hs_ID_SECRET</c>: the store keeps the id, the organisation, the
/// scope and the SHA-256 of the secret (32 random bytes, so a fast hash is enough); a presented key is found by its id
/// and its secret compared in constant time. Lookups are remembered for <see cref="CacheFor"/>, so a revoked key stops
/// working on every node within that time (at once on the node that revoked it).
/// </summary>
public sealed class AccessUseCases
{
    /// <summary>How long a key lookup is remembered.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>The setting holding the organisation's PagerDuty webhook signing secret.</summary>
    public const string PagerDutySecret = "pagerduty.secret";

    /// <summary>The setting holding the Slack-compatible webhook that "seen this before" notifications go to.</summary>
    public const string NotifyUrl = "notify.url";

    /// <summary>The settings an organisation can have.</summary>
    public static readonly IReadOnlyList<string> SettingNames = [PagerDutySecret, NotifyUrl];

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");
    private readonly IHistoryStore _store;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Organisation, (IReadOnlyDictionary<string, string> Settings, DateTimeOffset Until)> _settings = new();

    internal AccessUseCases(IHistoryStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>Makes a key for an organisation; the result holds the whole key, shown once.</summary>
    public async Task<NewKey> CreateKeyAsync(Organisation organisation, string scope, string? name = null, CancellationToken cancellationToken = default)
    {
        var parsed = ParseScope(scope);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey(id, organisation, parsed.ToString().ToLowerInvariant(), string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)), _clock.GetUtcNow(), null);
        await _store.AddKeyAsync(key, cancellationToken).ConfigureAwait(false);
        return new NewKey($"hs_{id}_{secret}", Figure(key));
    }

    /// <summary>Every key, without secrets.</summary>
    public async Task<IReadOnlyList<KeyFigure>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        [.. (await _store.KeysAsync(cancellationToken).ConfigureAwait(false)).Select(Figure)];

    /// <summary>Revokes a key by its id (or by the whole key).</summary>
    /// <exception cref="HindsightException">No such key, or it was revoked already (not found).</exception>
    public async Task RevokeKeyAsync(string idOrKey, CancellationToken cancellationToken = default)
    {
        var id = Split(idOrKey.Trim())?.Id ?? idOrKey.Trim();
        if (!await _store.RevokeKeyAsync(id, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            throw HindsightException.NotFound($"no active key '{id}'", "list the keys to find its id", "id");
        }

        _keys.TryRemove(id, out _);
    }

    /// <summary>The caller a presented key stands for, or null when it is not a valid, active key.</summary>
    public async Task<Caller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (presented is null || Split(presented) is not { } parts)
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        if (!_keys.TryGetValue(parts.Id, out var cached) || cached.Until <= now)
        {
            cached = (await _store.FindKeyAsync(parts.Id, cancellationToken).ConfigureAwait(false), now + CacheFor);
            _keys[parts.Id] = cached;
        }

        if (cached.Key is not { RevokedAt: null } key)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(parts.Secret));
        return CryptographicOperations.FixedTimeEquals(hash, key.SecretHash.Span) && Enum.TryParse<KeyScope>(key.Scope, ignoreCase: true, out var scope)
            ? new Caller(key.Organisation, scope, key.Id)
            : null;
    }

    /// <summary>An organisation's settings (secrets included: for the engine's own use, never to show).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        if (_settings.TryGetValue(organisation, out var cached) && cached.Until > now)
        {
            return cached.Settings;
        }

        var settings = await _store.SettingsAsync(organisation, cancellationToken).ConfigureAwait(false);
        _settings[organisation] = (settings, now + CacheFor);
        return settings;
    }

    /// <summary>Sets (or, with null, removes) one of an organisation's settings.</summary>
    public async Task SetAsync(Organisation organisation, string name, string? value, CancellationToken cancellationToken = default)
    {
        if (!SettingNames.Contains(name))
        {
            throw HindsightException.BadInput("name", $"'{name}' is not a setting", string.Join(" or ", SettingNames));
        }

        if (name == NotifyUrl && value is not null && (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            throw HindsightException.BadInput("value", $"'{value}' is not an http(s) address");
        }

        await _store.SetSettingAsync(organisation, name, string.IsNullOrEmpty(value) ? null : value, cancellationToken).ConfigureAwait(false);
        _settings.TryRemove(organisation, out _);
    }

    /// <summary>A scope by name.</summary>
    public static KeyScope ParseScope(string scope) =>
        Enum.TryParse<KeyScope>(scope, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(scope, out _)
            ? parsed
            : throw HindsightException.BadInput("scope", $"'{scope}' is not a scope", "read, write or admin");

    private static (string Id, string Secret)? Split(string key)
    {
        // hs_ + 12 hex digits + _ + the secret (base64url, which may itself hold '_')
        return key.Length > 16 && key.StartsWith("hs_", StringComparison.Ordinal) && key[15] == '_' && !key.AsSpan(3, 12).ContainsAnyExcept(HexDigits)
            ? (key[3..15], key[16..])
            : null;
    }

    private static KeyFigure Figure(ApiKey key) => new(key.Id, key.Organisation.Name, key.Scope, key.Name, key.CreatedAt, key.RevokedAt);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
