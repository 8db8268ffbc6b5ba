using Hindsight.Application.Workspaces;

namespace Hindsight.Application.Tests.Workspaces;

/// <summary>When a catch-up counts the store to notice a restore: the first time, and after the restore mark moved.</summary>
public sealed class RemovalCheckTests
{
    [Fact]
    public void CountsTheFirstTime_ThenOnlyWhenTheMarkMoves_AndUntilACountSucceeds()
    {
        var check = new RemovalCheck();

        Assert.True(check.Due(0));
        check.Counted(0);
        Assert.False(check.Due(0)); // writes do not move the mark
        Assert.True(check.Due(7)); // a restore did
        Assert.True(check.Due(7)); // the count failed: still due
        check.Counted(7);
        Assert.False(check.Due(7));
    }
}
