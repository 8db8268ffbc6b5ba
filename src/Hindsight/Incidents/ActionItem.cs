namespace Hindsight.Incidents;

/// <summary>A follow-up action item from the post-incident review.</summary>
public sealed record ActionItem
{
    /// <summary>The source's own key for the item, if it has one.</summary>
    public string? Id { get; init; }

    /// <summary>What is to be done.</summary>
    public string Title { get; init; } = "";

    /// <summary>The kind of improvement.</summary>
    public ActionItemKind Kind { get; init; } = ActionItemKind.Prevent;

    /// <summary>Who owns it.</summary>
    public string? Owner { get; init; }

    /// <summary>Where it stands.</summary>
    public ActionItemStatus Status { get; init; } = ActionItemStatus.Open;

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it is due.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When it was completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The effect expected when it was planned, as a fraction (0.5 = halve the failure's rate or impact).</summary>
    public double? ExpectedEffect { get; init; }

    /// <summary>The effect measured after it was done, on the same scale as <see cref="ExpectedEffect"/>.</summary>
    public double? MeasuredEffect { get; init; }

    /// <summary>Whether the item is past its due date at <paramref name="now"/> and not finished.</summary>
    public bool IsOverdue(DateTimeOffset now) =>
        DueAt is { } due && due < now && Status is ActionItemStatus.Open or ActionItemStatus.InProgress;
}
