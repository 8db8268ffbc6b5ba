using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Vocabulary;

/// <summary>
/// Reads an enum from its snake_case name, forgiving case, spaces and hyphens and a few common aliases;
/// writes the snake_case name. Unknown names fail with the list of accepted ones.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public class NamedEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> _byName = new(StringComparer.Ordinal);
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly T[] _values = Enum.GetValues<T>();

    /// <summary>Creates the converter with extra accepted spellings.</summary>
    /// <param name="aliases">Extra spellings (already normalised: lower case, underscores) and the value each means.</param>
    protected NamedEnumConverter(params (string Alias, T Value)[] aliases)
    {
        var values = _values;
        _names = new string[values.Length];
        for (var n = 0; n < values.Length; n++)
        {
            _names[n] = JsonNamingPolicy.SnakeCaseLower.ConvertName(values[n].ToString());
            _byName[_names[n]] = values[n];
        }

        _utf8Names = _names.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        foreach (var (alias, value) in aliases ?? [])
        {
            _byName[alias] = value;
        }
    }

    /// <summary>The accepted names, for error messages.</summary>
    public string Expected => "one of " + string.Join(", ", _names);

    /// <summary>Parses a name; returns false for anything unknown.</summary>
    public bool TryParse(string? text, out T value)
    {
        value = default;
        return text is not null && _byName.TryGetValue(Normalise(text), out value);
    }

    /// <summary>Formats a value as its snake_case name.</summary>
    public string Format(T value) => _names[Array.IndexOf(_values, value)];

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected {Expected}, got {TimestampConverter.TokenName(reader.TokenType)}");
        }

        for (var i = 0; i < _utf8Names.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8Names[i]))
            {
                return _values[i]; // the canonical spelling, without allocating a string
            }
        }

        var text = reader.GetString();
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{TimestampConverter.Clip(text)}' is unknown; expected {Expected}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    private static string Normalise(string text) =>
        text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
}
