using Hindsight.Organisations;

namespace Hindsight.Storage;

/// <summary>Who may use the store through the service, and each organisation's settings (webhook secrets, notification addresses).</summary>
public interface IAccessStore
{
    /// <summary>Adds a key.</summary>
    Task AddKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key with this id, revoked or not, or null.</summary>
    Task<ApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> KeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a key; false when there is no such key or it was revoked already.</summary>
    Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>An organisation's settings by name.</summary>
    Task<IReadOnlyDictionary<string, string>> SettingsAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>Sets (or, with a null value, removes) one setting of an organisation.</summary>
    Task SetSettingAsync(Organisation organisation, string name, string? value, CancellationToken cancellationToken = default);
}
