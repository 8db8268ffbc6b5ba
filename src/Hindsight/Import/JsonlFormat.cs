using System.Text.Json;
using Hindsight.Canonical;

namespace Hindsight.Import;

/// <summary>The canonical JSON Lines format: one record per line, its kind in the <c>type</c> field (incident by default).</summary>
public sealed class JsonlFormat : IRecordFormat
{
    /// <inheritdoc />
    public IEnumerable<ParsedRecord> Read(Stream input, ImportLimits limits) =>
        JsonLines.Read(input, limits, static line =>
        {
            if (!CanonicalJson.TryPeekKind(line, out var kind, out var error))
            {
                throw new JsonException(error, "$.type", null, null);
            }

            return CanonicalJson.Deserialize(kind, line);
        });
}
