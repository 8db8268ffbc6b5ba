namespace Hindsight.Intake;

/// <summary>What an alerting or incident tool says happened to an incident.</summary>
public enum IntakeAction
{
    /// <summary>It started (an alert fired, an incident was opened).</summary>
    Trigger,

    /// <summary>Someone took it on.</summary>
    Acknowledge,

    /// <summary>It is over.</summary>
    Resolve,

    /// <summary>It was resolved, and is not any more.</summary>
    Reopen,

    /// <summary>Someone wrote a note on it.</summary>
    Annotate,

    /// <summary>Something else changed (priority, assignment, escalation).</summary>
    Update,
}
