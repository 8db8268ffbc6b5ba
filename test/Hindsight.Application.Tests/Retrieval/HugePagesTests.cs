using System.Runtime.InteropServices;
using Hindsight.Application.Retrieval;

namespace Hindsight.Application.Tests.Retrieval;

public sealed class HugePagesTests
{
    [Theory]
    [InlineData("7f6e84000000-7fae84000000 ---p 00000000 00:00 0 ", 0x7f6e84000000UL, 0x7fae84000000UL)]
    [InlineData("7fae9a210000-7fae9aa10000 rw-p 00000000 00:00 0", 0x7fae9a210000UL, 0x7fae9aa10000UL)]
    public void Anonymous_ReadsTheRangeOfAMappingWithoutAFile(string line, ulong start, ulong end) =>
        Assert.Equal((start, end), HugePages.Anonymous(line));

    [Theory]
    [InlineData("7fae9c000000-7fae9c021000 r-xp 00000000 08:01 131 /usr/lib/x86_64-linux-gnu/libc.so.6")]
    [InlineData("7ffc1b3a2000-7ffc1b3c3000 rw-p 00000000 00:00 0                          [stack]")]
    [InlineData("not a mapping")]
    public void Anonymous_IsNullForFilesNamedRegionsAndNoise(string line) => Assert.Null(HugePages.Anonymous(line));

    [Fact]
    public void HeapRange_HoldsAFreshArray()
    {
        if (!OperatingSystem.IsLinux() || !GC.GetConfigurationVariables().ContainsKey("GCRegionRange"))
        {
            return; // the maps are Linux's; the range is the regions collector's
        }

        var range = HugePages.HeapRange();
        Assert.NotNull(range);
        var array = GCHandle.Alloc(new byte[1 << 20], GCHandleType.Pinned); // a large object: another region than the probe's
        try
        {
            var at = array.AddrOfPinnedObject();
            Assert.InRange((ulong)at, (ulong)range.Value.Start, (ulong)range.Value.Start + range.Value.Length - 1);
        }
        finally
        {
            array.Free();
        }
    }

    [Fact]
    public void WhileLoading_NeverFailsOverlapsAndCanBeDisposedTwice()
    {
        var first = HugePages.WhileLoading();
        var second = HugePages.WhileLoading(); // another organisation's engine opening at the same time
        var data = new byte[8 << 20];
        data[^1] = 1;
        first.Dispose();
        first.Dispose();
        var third = HugePages.WhileLoading();
        second.Dispose();
        third.Dispose();
        Assert.Equal(1, data[^1]);
    }
}
