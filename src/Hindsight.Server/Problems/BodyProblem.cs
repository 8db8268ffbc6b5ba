using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Hindsight.Server.Problems;

/// <summary>
/// The problem of a request body that is not the JSON expected: the field by its JSON path, the line, and what kind of
/// value was expected in words rather than .NET type names.
/// </summary>
internal static partial class BodyProblem
{
    /// <summary>The 400 problem of <paramref name="exception"/>.</summary>
    public static ProblemDetails Of(JsonException exception)
    {
        var field = exception.Path is { Length: > 0 } path && path != "$" ? path.TrimStart('$').TrimStart('.') : null;
        if (MissingFields().Match(exception.Message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal);
            var first = names.Split(',')[0].Trim();
            return Problem($"{(field is null ? "the body" : field)} lacks required field(s): {names}", field is null ? first : $"{field}.{first}", "a value for each required field", exception);
        }

        if (exception.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return Problem($"{field ?? "the body"}: nested deeper than the depth limit of 64", field, "JSON nested at most 64 levels deep", exception);
        }

        if (exception.Message.StartsWith(Endpoints.StringListConverter.NotAString, StringComparison.Ordinal))
        {
            var holds = exception.Message.Split(" Path:")[0].Replace("A list", "a list", StringComparison.Ordinal);
            return Problem($"{field ?? "the body"}: {holds}", field, "a list of strings", exception);
        }

        if (NullNotAllowed().Match(exception.Message) is { Success: true } nulled)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(nulled.Groups[1].Value);
            var at = field is null || field.EndsWith(name, StringComparison.Ordinal) ? field ?? name : $"{field}.{name}";
            return Problem($"{at}: the value may not be null", at, "a value, not null", exception);
        }

        var expected = TargetType().Match(exception.Message) is { Success: true } m && Resolve(m.Groups[1].Value) is { } type
            ? Describe(FieldType(type, field))
            : null;
        var what = expected is null ? "is not valid JSON" : $"is not {expected}";
        return Problem(field is null ? $"the body {what}" : $"{field}: the value {what}", field, expected, exception);
    }

    private static ProblemDetails Problem(string detail, string? field, string? expected, JsonException exception)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Bad input",
            Detail = detail,
        };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        if (expected is not null)
        {
            problem.Extensions["expected"] = expected;
        }

        if (exception.LineNumber is { } line)
        {
            problem.Extensions["line"] = line + 1;
        }

        problem.Extensions["remedy"] = "see the route's schema in /openapi/v1.json";
        return problem;
    }

    /// <summary>A type in words.</summary>
    internal static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "an ISO 8601 time";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return "a number";
        }

        if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
        {
            var item = list.GetGenericArguments()[0];
            return item == typeof(string) ? "a list of strings" : item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? "an object" : "a list";
        }

        return "a JSON object of the documented shape";
    }

    /// <summary>
    /// The type of the value at <paramref name="field"/> when <paramref name="type"/> is the object that holds it (the
    /// serializer names the constructor's type when one of its parameters fails).
    /// </summary>
    private static Type FieldType(Type type, string? field)
    {
        var last = field?.Split('.')[^1];
        if (last is null || type.IsEnum || type.IsPrimitive || type == typeof(string) || Nullable.GetUnderlyingType(type) is not null)
        {
            return type;
        }

        var wanted = last.Replace("_", "", StringComparison.Ordinal);
        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
        return property?.PropertyType ?? type;
    }

    private static Type? Resolve(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null) ?? Type.GetType(name);

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingFields();

    [GeneratedRegex(@"(?:property or field|constructor parameter) '([^']+)' on type .* doesn't allow")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.\s")]
    private static partial Regex TargetType();
}
