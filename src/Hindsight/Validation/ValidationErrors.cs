namespace Hindsight.Validation;

/// <summary>Collects validation errors with small guard helpers.</summary>
internal sealed class ValidationErrors
{
    private List<ValidationError>? _errors;

    public IReadOnlyList<ValidationError> ToList() => _errors is null ? [] : _errors;

    public void Add(string field, string message) => (_errors ??= []).Add(new ValidationError(field, message));

    public void Required(string field, string? value, int maxLength = 100_000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required; expected a non-empty string");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"is {value.Length:N0} characters long; expected at most {maxLength:N0}");
        }
    }

    public void NotBefore(string field, DateTimeOffset? value, string earlierField, DateTimeOffset? earlier)
    {
        if (value is { } v && earlier is { } e && v < e)
        {
            Add(field, $"{Format(v)} is before {earlierField} {Format(e)}; expected {field} >= {earlierField}");
        }
    }

    public void Fraction(string field, double? value)
    {
        if (value is { } v && (double.IsNaN(v) || v < -10 || v > 10))
        {
            Add(field, $"{v} is out of range; expected a fraction such as 0.5 (between -10 and 10)");
        }
    }

    public void RequiredTime(string field, DateTimeOffset value)
    {
        if (value == default)
        {
            Add(field, "required; expected an ISO-8601 timestamp such as 2024-03-01T14:05:00Z");
        }
    }

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
