using Hindsight.Semantics;

namespace Hindsight.Semantic;

/// <summary>
/// The sentence model a process uses, from its setting (<c>HINDSIGHT_SEMANTIC</c>, or <c>Hindsight:Semantic</c> for the
/// service): on by default, <c>off</c> to search without it. One model per process, loaded when first used.
/// </summary>
public static class SentenceModel
{
    /// <summary>The environment variable that turns semantic similarity on or off.</summary>
    public const string Variable = "HINDSIGHT_SEMANTIC";

    private static readonly Lazy<MiniLmEmbedder> Shared = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process's embedder when the setting is on, null when it is off.</summary>
    /// <exception cref="ArgumentException">The setting is neither on nor off.</exception>
    public static ITextEmbedder? FromSetting(string? value) => IsOn(value) ? Shared.Value : null;

    /// <summary>Whether a setting's value means on: empty, <c>on</c>, <c>true</c>, <c>yes</c>, <c>1</c>; <c>off</c>, <c>false</c>, <c>no</c>, <c>0</c> mean off.</summary>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static bool IsOn(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "on" or "true" or "yes" or "1" => true,
        "off" or "false" or "no" or "0" => false,
        _ => throw new ArgumentException($"{Variable}='{value}' is not understood; expected on or off", nameof(value)),
    };
}
