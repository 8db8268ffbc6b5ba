using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hindsight.Drills;

/// <summary>Exercises and answers as JSON (snake_case, indented, stable field order).</summary>
public static class DrillJson
{
    /// <summary>The exercise as JSON; the same exercise always gives the same bytes.</summary>
    public static string Write(Exercise exercise) => JsonSerializer.Serialize(exercise, DrillJsonContext.Default.Exercise);

    /// <summary>Reads an exercise written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The text is not an exercise.</exception>
    public static Exercise ReadExercise(string json) =>
        JsonSerializer.Deserialize(json, DrillJsonContext.Default.Exercise) ?? throw new JsonException("expected an exercise, got null");
}

/// <summary>Source-generated JSON for drills.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, UseStringEnumConverter = true,
    Converters = [typeof(JsonStringEnumConverter<Difficulty>)])]
[JsonSerializable(typeof(Exercise))]
[JsonSerializable(typeof(DrillAnswers))]
internal sealed partial class DrillJsonContext : JsonSerializerContext;
