namespace Hindsight.Incidents;

/// <summary>Incident severity, SEV0 (most severe) to SEV3 (least severe).</summary>
public enum Severity
{
    /// <summary>Critical: a full outage, data loss or a security breach affecting most users.</summary>
    Sev0 = 0,

    /// <summary>Major: a core function is down or badly degraded for many users.</summary>
    Sev1 = 1,

    /// <summary>Minor: partial degradation with a workaround, or a small share of users affected.</summary>
    Sev2 = 2,

    /// <summary>Low: cosmetic or internal impact, no customer-visible harm.</summary>
    Sev3 = 3,
}
