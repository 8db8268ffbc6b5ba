namespace Hindsight.Import;

/// <summary>Size limits for reading input.</summary>
/// <param name="MaxRecordBytes">The longest record (JSON line, CSV row, Markdown file) accepted, in bytes.</param>
/// <param name="MaxRawExcerpt">How much of a rejected record's text is kept for the rejects file, in characters.</param>
public sealed record ImportLimits(int MaxRecordBytes = 16 * 1024 * 1024, int MaxRawExcerpt = 4_000)
{
    /// <summary>The defaults: 16 MiB per record, 4,000 characters of excerpt.</summary>
    public static ImportLimits Default { get; } = new();
}
