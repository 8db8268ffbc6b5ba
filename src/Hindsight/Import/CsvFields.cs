namespace Hindsight.Import;

/// <summary>The fields of one CSV row; a column the row is too short to have reads as empty.</summary>
/// <param name="fields">The row's fields in column order.</param>
internal sealed class CsvFields(IReadOnlyList<string> fields)
{
    /// <summary>The field of column <paramref name="column"/> (0-based), or empty.</summary>
    public string this[int column] => column < fields.Count ? fields[column] : "";
}
