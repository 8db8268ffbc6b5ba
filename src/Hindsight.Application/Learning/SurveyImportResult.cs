using Hindsight.Culture;

namespace Hindsight.Application.Learning;

/// <summary>An imported culture survey.</summary>
/// <param name="Answers">Answers read.</param>
/// <param name="Inserted">Stored as new.</param>
/// <param name="Updated">Stored over an earlier import of the same answer.</param>
/// <param name="Culture">The culture figures after the import.</param>
public sealed record SurveyImportResult(int Answers, long Inserted, long Updated, CultureReport Culture);
