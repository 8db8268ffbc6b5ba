using Hindsight.Calendar;

namespace Hindsight.Tests.Calendar;

public sealed class MomentsTests
{
    private static readonly DateTimeOffset NineUtc = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EightThirtyUtc = new(2026, 1, 1, 10, 30, 0, TimeSpan.FromHours(2)); // 10:30 at +02:00

    [Fact]
    public void Later_ComparesInstantsAndLetsAnUnknownGiveWay()
    {
        Assert.Equal(NineUtc, Moments.Later(NineUtc, EightThirtyUtc));
        Assert.Equal(NineUtc, Moments.Later(EightThirtyUtc, NineUtc));
        Assert.Equal(EightThirtyUtc, Moments.Later(null, EightThirtyUtc));
        Assert.Equal(NineUtc, Moments.Later(NineUtc, null));
        Assert.Null(Moments.Later(null, null));
    }
}
