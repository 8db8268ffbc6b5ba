namespace Hindsight.Incidents;

/// <summary>Where a follow-up action item stands.</summary>
public enum ActionItemStatus
{
    /// <summary>Not started.</summary>
    Open,

    /// <summary>Being worked on.</summary>
    InProgress,

    /// <summary>Completed.</summary>
    Done,

    /// <summary>Decided against; will not be done.</summary>
    Cancelled,
}
