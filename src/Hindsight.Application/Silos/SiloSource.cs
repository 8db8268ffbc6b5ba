namespace Hindsight.Application.Silos;

/// <summary>Which evidence of who-knows-what the detector reads.</summary>
public enum SiloSource
{
    /// <summary>Imported response logs and the incident history.</summary>
    All,

    /// <summary>Imported response logs (question → answer events) only.</summary>
    Logs,

    /// <summary>The incident history only (who resolved which failure mode's and service's incidents).</summary>
    Incidents,
}
