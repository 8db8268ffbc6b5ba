namespace Hindsight.Generation;

/// <summary>What one generated incident will be, before its text is written: when, where, of which kind and why.</summary>
internal readonly record struct IncidentSeed(long StartTicks, SeedCause Cause, int Service, int Archetype, int Deployment);

/// <summary>Why a generated incident happens.</summary>
internal enum SeedCause : byte
{
    /// <summary>Background failure of an archetype.</summary>
    Background,

    /// <summary>Caused by a deployment (the planted risky weekday deploys live here).</summary>
    Deploy,

    /// <summary>The planted recurring root cause.</summary>
    Recurring,
}
