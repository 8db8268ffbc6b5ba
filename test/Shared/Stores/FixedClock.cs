namespace Hindsight.Testing;

/// <summary>A clock stopped at one moment (tests that learn or grade must give the same answer every run).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
