namespace Hindsight.Incidents;

/// <summary>
/// What an analysis derived from an incident once, kept beside the incident for the analyses after it. A table keyed by
/// the incident would cost the collector a handle per incident (a million at a million incidents, scanned at every
/// collection) and a lock per lookup. Not part of the incident's value: any two memos are equal, so records compare as
/// before. An entry records the field it was derived from, so that a copy made with <c>with</c> that changes the field
/// does not reuse it.
/// </summary>
internal struct AnalysisMemo : IEquatable<AnalysisMemo>
{
    /// <summary>The root-cause analysis's entry, of its own type; written once per incident, read on every core.</summary>
    public object? RootCause;

    /// <inheritdoc />
    public readonly bool Equals(AnalysisMemo other) => true;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is AnalysisMemo;

    /// <inheritdoc />
    public override readonly int GetHashCode() => 0;
}
