using System.Text.Json;
using System.Text.RegularExpressions;
using Hindsight.Validation;

namespace Hindsight.Canonical;

/// <summary>Turns the serializer's exceptions into a field name and a message a person can act on.</summary>
public static partial class JsonErrorText
{
    /// <summary>Describes a <see cref="JsonException"/> raised while reading a record.</summary>
    public static ValidationError Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = FieldOf(exception.Path);
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups[1].Value;
            return new ValidationError(field.EndsWith(name, StringComparison.Ordinal) ? field : (field.Length == 0 ? name : field + "." + name), "unknown field; expected a field of the canonical format (see docs/formats.md)");
        }

        var conversion = Conversion().Match(message);
        if (conversion.Success)
        {
            return new ValidationError(field, "expected " + Friendly(conversion.Groups[1].Value));
        }

        if (exception.InnerException is JsonException && exception.BytePositionInLine is { } position)
        {
            var reason = message;
            var lineInfo = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (lineInfo >= 0)
            {
                reason = reason[..lineInfo];
            }

            return new ValidationError("", $"malformed JSON at character {position + 1}: {reason.TrimEnd('.')}; expected one complete JSON object per line");
        }

        return new ValidationError(field, message.TrimEnd('.'));
    }

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Friendly(string type) => type switch
    {
        _ when type.Contains("String", StringComparison.Ordinal) && type.Contains("List", StringComparison.Ordinal) => "an array of strings",
        _ when type.Contains("List", StringComparison.Ordinal) => "an array",
        "System.String" => "a string",
        "System.Double" or "System.Nullable`1[System.Double]" => "a number",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
        _ when type.StartsWith("Hindsight.", StringComparison.Ordinal) => "an object",
        _ => "a value of type " + type,
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("could not be converted to ([^ .]+(?:\\.[^ .]+)*)")]
    private static partial Regex Conversion();
}
