namespace Hindsight.Validation;

/// <summary>One problem with one field of a record.</summary>
/// <param name="Field">The field, as named in the canonical format (e.g. <c>resolved_at</c>, <c>action_items[2].kind</c>); empty for the whole record.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ValidationError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
