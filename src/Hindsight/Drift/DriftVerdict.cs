namespace Hindsight.Drift;

/// <summary>What a PSI means, by the risk register's rule: above 0.2 warn, above 0.25 retraining is recommended.</summary>
public enum DriftVerdict
{
    /// <summary>PSI ≤ 0.2: the distribution is stable.</summary>
    Stable,

    /// <summary>0.2 &lt; PSI ≤ 0.25: drift worth a warning.</summary>
    Warn,

    /// <summary>PSI &gt; 0.25: retraining is recommended.</summary>
    Retrain,
}

/// <summary>The thresholds behind <see cref="DriftVerdict"/>.</summary>
public static class DriftVerdicts
{
    /// <summary>Above this PSI, warn.</summary>
    public const double WarnAbove = 0.2;

    /// <summary>Above this PSI, recommend retraining.</summary>
    public const double RetrainAbove = 0.25;

    /// <summary>The verdict for a PSI.</summary>
    public static DriftVerdict Of(double psi) => psi > RetrainAbove ? DriftVerdict.Retrain : psi > WarnAbove ? DriftVerdict.Warn : DriftVerdict.Stable;

    /// <summary>The verdict as a word for reports: stable, warn, retrain.</summary>
    public static string Text(DriftVerdict verdict) => verdict switch
    {
        DriftVerdict.Warn => "warn",
        DriftVerdict.Retrain => "retrain",
        _ => "stable",
    };
}
