namespace Hindsight.Incidents;

/// <summary>The kind of improvement a follow-up action item makes.</summary>
public enum ActionItemKind
{
    /// <summary>Stops the failure from happening again.</summary>
    Prevent,

    /// <summary>Detects the failure sooner.</summary>
    Detect,

    /// <summary>Improves the response (runbooks, escalation, tooling).</summary>
    Respond,

    /// <summary>Shortens recovery (rollback, failover, restore).</summary>
    Recover,

    /// <summary>Adds a regression test for the failure.</summary>
    RegressionTest,
}
